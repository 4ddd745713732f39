package io.collections.adapter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.catalog.ShopifyAccount;
import io.collections.domain.catalog.WooCommerceAccount;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The domain names an account by the parts of its address that the fetchers actually use (decision 0112): a shop's
 * host and port as the Shopify fetcher reaches them, a store's scheme, host, port and path as the WooCommerce
 * fetcher does. Checked here against OkHttp's own reading of each address.
 */
class AccountNamesMatchFetchedAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "ACME", "acme.myshopify.com", "ACME.myshopify.com", "https://acme.myshopify.com",
            "https://acme.myshopify.com/", " HTTPS://Acme.MyShopify.com:443/admin ", "http://127.0.0.1:18390",
            "http://127.0.0.1:18390/", "http://127.0.0.1:80", "HTTP://127.0.0.1:018390", "https://shop.example.com:8443",
            "http://[::1]:8080/", "127.0.0.1:18390"})
    void a_shop_is_named_by_the_host_and_port_the_fetcher_reaches(String shop) {
        ShopifyAccount account = new ShopifyAccount(shop, "shpat_token");
        HttpUrl reached = UserBaseUrl.parse("shopify", "shop", account.address(), true);

        assertThat(account.account()).isEqualTo(hostAndPort(reached));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://host/good/", "http://host/good", "HTTP://HOST:80/good//", "http://host/Good",
            "shop.example.com", "https://Shop.Example.com:443/", " https://shop.example.com/store/ ",
            "http://127.0.0.1:18390/", "https://shop.example.com:08443/wp/", "http://[::1]:8080/shop"})
    void a_store_is_named_by_the_scheme_host_port_and_path_the_fetcher_reaches(String storeUrl) {
        HttpUrl reached = UserBaseUrl.parse("woocommerce", "store_url", storeUrl, true);
        String path = reached.encodedPath().replaceFirst("/+$", "");

        assertThat(new WooCommerceAccount(storeUrl, "ck", "cs").account())
                .isEqualTo(reached.scheme() + "://" + hostAndPort(reached) + path);
    }

    private static String hostAndPort(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }
}
