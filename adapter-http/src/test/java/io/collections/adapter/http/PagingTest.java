package io.collections.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paging through lists with {@code limit} and the {@code Link} header yields every item exactly once. */
class PagingTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void pagesThroughTwoHundredFiftyCollectionsAndMembersUnderEverySortOrder() {
        Harness.run(client -> {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                created.add(client.collection("{\"name\":\"c" + i + "\",\"status\":\"" + (i % 2 == 0 ? "DRAFT" : "ENABLED") + "\"}"));
            }
            List<String> listed = walk(client, "/v1/collections?limit=7");
            assertThat(listed).hasSize(250).doesNotHaveDuplicates();
            List<String> newestFirst = new ArrayList<>(created);
            java.util.Collections.reverse(newestFirst);
            assertThat(listed).containsExactlyElementsOf(newestFirst);

            Harness.Res first = client.get("/v1/collections?status=ENABLED&limit=7");
            assertThat(first.header("Link")).contains("status=ENABLED").contains("limit=7").contains("cursor=");
            assertThat(walk(client, "/v1/collections?status=ENABLED&limit=7")).hasSize(125).doesNotHaveDuplicates();

            String batch = "{\"products\":[" + IntStream.range(0, 250).mapToObj(i -> "{\"name\":\"p" + (i % 17)
                    + "\",\"product_type\":\"Gadget\",\"product_code\":\"" + (i % 5 == 0 ? "" : "C" + (i % 11))
                    + "\"" + (i % 3 == 0 ? "" : ",\"price\":\"" + (i % 13) + ".50\"") + "}")
                    .collect(Collectors.joining(",")) + "]}";
            assertThat(client.post("/v1/products/batch", batch).status()).isEqualTo(200);
            assertThat(walk(client, "/v1/products?limit=7")).hasSize(250).doesNotHaveDuplicates();
            String collection = client.collection("{\"name\":\"All gadgets\",\"product_inclusion_rules\":"
                    + "{\"rules\":[{\"type\":\"product_type\",\"value\":\"Gadget\"}]}}");
            for (String sortBy : List.of("name", "-name", "created_at", "-created_at", "updated_at", "-updated_at",
                    "product_code", "-product_code", "price", "-price", "manual")) {
                assertThat(client.patch("/v1/collections/" + collection, "{\"sort_by\":\"" + sortBy + "\"}").status())
                        .isEqualTo(200);
                List<String> members = walk(client, "/v1/collections/" + collection + "/products?limit=7");
                assertThat(members).as(sortBy).hasSize(250).doesNotHaveDuplicates();
                List<String> all = ids(client.get("/v1/collections/" + collection + "/products?limit=1000").json());
                assertThat(members).as(sortBy).containsExactlyElementsOf(all);
            }
        });
    }

    @Test
    void nameFilterTakesPercentAndUnderscoreLiterally() {
        Harness.run(client -> {
            String percent = client.collection("{\"name\":\"50% OFF\"}");
            String underscore = client.collection("{\"name\":\"a_b\"}");
            client.collection("{\"name\":\"50 off\"}");
            client.collection("{\"name\":\"axb\"}");
            assertThat(ids(client.get("/v1/collections?name=%25").json())).containsExactly(percent);
            assertThat(ids(client.get("/v1/collections?name=_").json())).containsExactly(underscore);
            assertThat(ids(client.get("/v1/collections?name=0%25%20off").json())).containsExactly(percent);
            assertThat(client.get("/v1/collections?name=OFF").json()).hasSize(2);
        });
    }

    static List<String> walk(Harness.Client client, String start) {
        List<String> ids = new ArrayList<>();
        Set<String> seenLinks = new LinkedHashSet<>();
        String next = start;
        while (next != null) {
            Harness.Res page = client.get(next);
            assertThat(page.status()).as(next).isEqualTo(200);
            assertThat(page.json().size()).isLessThanOrEqualTo(7);
            ids.addAll(ids(page.json()));
            String link = page.header("Link");
            next = null;
            if (link != null) {
                Matcher m = NEXT.matcher(link);
                assertThat(m.matches()).as(link).isTrue();
                next = m.group(1);
                assertThat(seenLinks.add(next)).as("a link repeats: " + next).isTrue();
            }
        }
        return ids;
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
