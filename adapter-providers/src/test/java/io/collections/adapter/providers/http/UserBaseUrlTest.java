package io.collections.adapter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collections.domain.CatalogFetchException;
import io.collections.domain.CatalogFetchException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserBaseUrlTest {

    @Test
    void a_bare_host_becomes_an_https_url() {
        assertThat(UserBaseUrl.parse("shopify", "shop", " acme.myshopify.com ", false).toString())
                .isEqualTo("https://acme.myshopify.com/");
    }

    @Test
    void an_https_url_keeps_its_path_and_port() {
        assertThat(UserBaseUrl.parse("woocommerce", "store_url", "https://shop.example.com:8443/store", false)
                .toString()).isEqualTo("https://shop.example.com:8443/store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example.com", "ftp://shop.example.com", "file:///etc/passwd"})
    void refuses_anything_but_https(String value) {
        assertRefused(value, "must be an https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1", "https://127.0.0.1:8080/wp", "https://10.0.0.8", "https://172.20.1.1",
            "https://192.168.0.10", "https://169.254.169.254/latest/meta-data", "https://100.64.0.7", "https://[::1]",
            "https://[::1]:8443", "https://[fe80::1]", "https://[fd00:ec2::254]", "https://[::ffff:127.0.0.1]",
            "https://0.0.0.0", "https://localhost", "https://api.localhost", "https://2130706433", "https://0x7f.1"})
    void refuses_loopback_private_link_local_and_metadata_literals(String value) {
        assertRefused(value, "loopback, private, link-local or metadata");
    }

    @Test
    void refuses_user_info_and_query() {
        assertRefused("https://ck:cs@shop.example.com", "user name or password");
        assertRefused("https://shop.example.com/?consumer_key=ck", "query or fragment");
        assertRefused("https://exa mple.com", "not a valid host or URL");
    }

    @Test
    void private_network_allowed_accepts_loopback_over_http() {
        assertThat(UserBaseUrl.parse("woocommerce", "store_url", "http://127.0.0.1:8089", true).toString())
                .isEqualTo("http://127.0.0.1:8089/");
        assertThat(UserBaseUrl.parse("shopify", "shop", "https://[::1]:9443", true).host()).isEqualTo("::1");
    }

    private static void assertRefused(String value, String why) {
        assertThatThrownBy(() -> UserBaseUrl.parse("woocommerce", "store_url", value, false))
                .isInstanceOfSatisfying(CatalogFetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("woocommerce: store_url").contains(why);
                });
    }
}
