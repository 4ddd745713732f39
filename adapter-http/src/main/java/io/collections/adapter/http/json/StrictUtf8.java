package io.collections.adapter.http.json;

/**
 * UTF-8 as RFC 3629 defines it. Jackson decodes overlong forms ({@code C0 AF} for "/", {@code C0 80} for NUL) as if
 * they were the short ones, so a body could carry a character past a check that looks for its real encoding.
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** The offset of the first byte that does not start a well-formed sequence, or -1 when all are well formed. */
    static int firstMalformed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuations;
            if (lead >= 0xc2 && lead <= 0xdf) {
                continuations = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                continuations = 2;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                continuations = 3;
            } else {
                return i;
            }
            if (i + continuations >= bytes.length) {
                return i;
            }
            // The second byte's range excludes overlong forms, UTF-16 surrogates and code points past U+10FFFF.
            int second = bytes[i + 1] & 0xff;
            int low = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80;
            int high = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k <= continuations; k++) {
                int next = bytes[i + k] & 0xff;
                if (next < 0x80 || next > 0xbf) {
                    return i;
                }
            }
            i += continuations + 1;
        }
        return -1;
    }
}
