package io.collections.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AesGcmCredentialSealerTest {
    private static final String ACME_SHOPIFY = "acme\nshopify";

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void opensWhatItSealedForTheSameOwnerAndNeverShowsThePlaintext() {
        AesGcmCredentialSealer sealer = new AesGcmCredentialSealer(key());
        String sealed = sealer.seal("{\"access_token\":\"shpat_secret\"}", ACME_SHOPIFY);

        assertThat(sealed).doesNotContain("shpat_secret");
        assertThat(sealer.seal("{\"access_token\":\"shpat_secret\"}", ACME_SHOPIFY)).as("a new nonce each time")
                .isNotEqualTo(sealed);
        assertThat(sealer.open(sealed, ACME_SHOPIFY)).isEqualTo("{\"access_token\":\"shpat_secret\"}");
    }

    @Test
    void aSealedTextMovedToAnotherClientsOrProvidersJobDoesNotOpen() {
        AesGcmCredentialSealer sealer = new AesGcmCredentialSealer(key());
        String sealed = sealer.seal("{\"access_token\":\"shpat_secret\"}", ACME_SHOPIFY);

        for (String other : new String[] {"globex\nshopify", "acme\nwoocommerce", "acme\nshopify ", ""}) {
            assertThatThrownBy(() -> sealer.open(sealed, other)).as(other)
                    .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("shpat");
        }
    }

    @Test
    void anotherKeyOrAnAlteredTextDoesNotOpen() {
        AesGcmCredentialSealer sealer = new AesGcmCredentialSealer(key());
        String sealed = sealer.seal("secret", ACME_SHOPIFY);
        assertThatThrownBy(() -> new AesGcmCredentialSealer(key()).open(sealed, ACME_SHOPIFY))
                .isInstanceOf(IllegalStateException.class);
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        String altered = java.util.Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> sealer.open(altered, ACME_SHOPIFY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open("not base64!", ACME_SHOPIFY)).isInstanceOf(IllegalStateException.class);
    }
}
