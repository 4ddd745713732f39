package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2UrlDefaultsTest {
    @Test
    void h2UrlsGetDurableCommitsAndALargerStatementCacheUnlessTheySetThemSelves() {
        assertThat(JdbcAdapters.withH2Defaults("jdbc:h2:mem:x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL;WRITE_DELAY=0;QUERY_CACHE_SIZE=256");
        assertThat(JdbcAdapters.withH2Defaults("jdbc:h2:mem:x;query_cache_size=4;write_delay=500"))
                .isEqualTo("jdbc:h2:mem:x;query_cache_size=4;write_delay=500");
        assertThat(JdbcAdapters.withH2Defaults("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }
}
