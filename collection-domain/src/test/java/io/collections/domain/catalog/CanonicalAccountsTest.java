package io.collections.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every spelling of one account names it the same way, and different accounts stay apart (decision 0112). */
class CanonicalAccountsTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "ACME", "acme.myshopify.com", "ACME.myshopify.com", "https://acme.myshopify.com",
            "https://acme.myshopify.com/", "HTTPS://Acme.MyShopify.COM:443", " acme.myshopify.com\t",
            "https://acme.myshopify.com/admin", "http://acme.myshopify.com:80/"})
    void everySpellingOfAShopifyShopIsItsHostName(String shop) {
        assertThat(new ShopifyAccount(shop, "shpat_token").account()).isEqualTo("acme.myshopify.com");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:18390, 127.0.0.1:18390",
            "http://127.0.0.1:18390/, 127.0.0.1:18390",
            "HTTP://127.0.0.1:018390/, 127.0.0.1:18390",
            "http://127.0.0.1:80, 127.0.0.1",
            "https://shop.example.com:8443/, shop.example.com:8443",
            "shop.example.com, shop.example.com",
            "'http://[::1]:8080/', '[::1]:8080'",
            "acme-2, acme-2.myshopify.com"})
    void aShopifyShopKeepsAnExplicitPortThatIsNotTheDefault(String shop, String account) {
        assertThat(new ShopifyAccount(shop, "shpat_token").account()).isEqualTo(account);
    }

    @Test
    void theFetcherAddsTheShopifyDomainToABareNameOnly() {
        assertThat(new ShopifyAccount(" acme ", "t").address()).isEqualTo("acme.myshopify.com");
        assertThat(new ShopifyAccount("https://acme.myshopify.com/", "t").address())
                .isEqualTo("https://acme.myshopify.com/");
        assertThat(new ShopifyAccount("127.0.0.1:18390", "t").address()).isEqualTo("127.0.0.1:18390");
    }

    @ParameterizedTest
    @CsvSource({
            "http://host/good/, http://host/good",
            "http://host/good, http://host/good",
            "HTTP://HOST:80/good//, http://host/good",
            "http://host:8080/good/, http://host:8080/good",
            "http://host/Good/, http://host/Good",
            "shop.example.com, https://shop.example.com",
            "https://Shop.Example.com:443/, https://shop.example.com",
            "' https://shop.example.com/store/ ', https://shop.example.com/store",
            "http://127.0.0.1:18390/, http://127.0.0.1:18390",
            "https://shop.example.com:0443, https://shop.example.com"})
    void aWooCommerceStoreIsItsSchemeHostPortAndPath(String storeUrl, String account) {
        assertThat(new WooCommerceAccount(storeUrl, "ck", "cs").account()).isEqualTo(account);
    }

    @Test
    void differentStoresStayApart() {
        Map<String, String> apart = Map.of(
                "http://host/good", "http://host/Good",
                "http://shop.example.com", "https://shop.example.com",
                "https://shop.example.com", "https://shop.example.com:8443",
                "https://shop.example.com/a", "https://shop.example.com/a/b");
        apart.forEach((one, other) -> assertThat(WooCommerceAccount.key(one)).isNotEqualTo(WooCommerceAccount.key(other)));
        assertThat(ShopifyAccount.key("acme")).isNotEqualTo(ShopifyAccount.key("acme2"));
        assertThat(ShopifyAccount.key("http://127.0.0.1:18390")).isNotEqualTo(ShopifyAccount.key("http://127.0.0.1:18391"));
    }

    @ParameterizedTest
    @CsvSource({"1234567, 1234567", "' 1234567 ', 1234567", "001234567, 1234567", "0, 0", "000, 0",
            "' not-a-number ', not-a-number"})
    void aMerchantIdIsTrimmedAndReadAsANumber(String merchantId, String account) {
        assertThat(new GoogleMerchantAccount(merchantId, "ya29.token").account()).isEqualTo(account);
    }

    @Test
    void anAlgoliaIndexIsItsApplicationUpperCasedAndItsIndexAsNamed() {
        assertThat(new AlgoliaAccount(" latency ", "key", " prod_Products ", null).account())
                .isEqualTo("LATENCY/prod_Products");
        assertThat(AlgoliaAccount.key("LATENCY", "products")).isNotEqualTo(AlgoliaAccount.key("LATENCY", "Products"));
    }

    @ParameterizedTest
    @CsvSource({
            "shopify, ' ACME ', acme.myshopify.com",
            "shopify, https://acme.myshopify.com/, acme.myshopify.com",
            "shopify, http://127.0.0.1:18390/, 127.0.0.1:18390",
            "woocommerce, HTTP://Host/good/, http://host/good",
            "google-merchant, ' 01234567', 1234567",
            "algolia, ' latency /products', LATENCY/products",
            "algolia, latency/prod/eu, LATENCY/prod/eu"})
    void aStoredAccountNameIsCanonicalizedByTheSameRulesAndStaysSo(String provider, String stored, String canonical) {
        Provider of = Provider.fromPathName(provider);

        assertThat(of.canonicalAccount(stored)).isEqualTo(canonical);
        assertThat(of.canonicalAccount(canonical)).as("a canonical name is its own").isEqualTo(canonical);
    }
}
