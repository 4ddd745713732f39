package io.collections.adapter.providers.algolia;

import static org.assertj.core.api.Assertions.assertThat;

import io.collections.domain.catalog.AlgoliaAccount;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fields the fetcher maps are exactly those the API accepts in {@code attribute_mapping}. */
class AlgoliaAttributeMappingTest {

    @Test
    void theFetchersFieldsAreTheOnesTheApiLetsAMappingName() {
        assertThat(Arrays.stream(AlgoliaAttributeMapping.Field.values()).map(AlgoliaAttributeMapping.Field::key))
                .containsExactlyElementsOf(AlgoliaAccount.MAPPABLE_FIELDS);
    }
}
