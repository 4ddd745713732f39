package io.collections.domain.catalog;

import java.util.Locale;

/**
 * A host or URL as a user typed it for an account ({@code shop}, {@code store_url}), split the way the fetchers'
 * URL parser reads it: no scheme means {@code https}, the authority ends at the first {@code /}, {@code \},
 * {@code ?} or {@code #}, the host is case-insensitive, and a scheme's default port is the same as none. The
 * parts only name the account (decision 0112); the fetchers check and reach the address themselves.
 *
 * @param scheme lower-cased
 * @param host lower-cased
 * @param port the explicit port without leading zeros, or empty when none or the scheme's default
 * @param path everything after the authority, as typed (backslashes read as slashes)
 */
record AccountAddress(String scheme, String host, String port, String path) {

    static AccountAddress parse(String value) {
        String text = value.strip();
        int separator = text.indexOf("://");
        String scheme = separator >= 0 ? text.substring(0, separator).toLowerCase(Locale.ROOT) : "https";
        String rest = separator >= 0 ? text.substring(separator + 3) : text;
        int end = authorityEnd(rest);
        String authority = rest.substring(0, end);
        String path = rest.substring(end).replace('\\', '/');
        int colon = authority.lastIndexOf(':');
        String host = authority;
        String port = "";
        if (colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            port = withoutDefault(scheme, authority.substring(colon + 1));
        }
        return new AccountAddress(scheme, host.toLowerCase(Locale.ROOT), port, path);
    }

    /** {@code host} or {@code host:port}. */
    String hostAndPort() {
        return port.isEmpty() ? host : host + ":" + port;
    }

    private static int authorityEnd(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                return i;
            }
        }
        return rest.length();
    }

    private static String withoutDefault(String scheme, String port) {
        if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return port;
        }
        String digits = port.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 5) {
            return port;
        }
        int number = Integer.parseInt(digits);
        boolean isDefault = scheme.equals("https") && number == 443 || scheme.equals("http") && number == 80;
        return isDefault ? "" : Integer.toString(number);
    }
}
