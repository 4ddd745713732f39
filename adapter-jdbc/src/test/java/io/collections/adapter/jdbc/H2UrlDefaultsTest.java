package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class H2UrlDefaultsTest {
    @Test
    void h2UrlsGetDurableCommitsALargerStatementCacheAndNoCloseOnExitUnlessTheySetThemSelves() {
        assertThat(JdbcAdapters.withH2Defaults("jdbc:h2:mem:x;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL;WRITE_DELAY=0;QUERY_CACHE_SIZE=256;DB_CLOSE_ON_EXIT=FALSE"
                        + ";MAX_COMPACT_TIME=5000");
        assertThat(JdbcAdapters.withH2Defaults("jdbc:h2:mem:x;query_cache_size=4;write_delay=500;db_close_on_exit=true"
                + ";max_compact_time=0")).isEqualTo("jdbc:h2:mem:x;query_cache_size=4;write_delay=500;"
                        + "db_close_on_exit=true;max_compact_time=0");
        assertThat(JdbcAdapters.withH2Defaults("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void commitsAreAwaitedOnlyOnAnEmbeddedH2File() {
        assertThat(DurableH2Commits.appliesTo("jdbc:h2:tcp://db:9092/x")).isFalse();
        assertThat(DurableH2Commits.appliesTo("jdbc:h2:mem:x")).isFalse();
        assertThat(DurableH2Commits.appliesTo("jdbc:postgresql://h/db")).isFalse();
        assertThat(DurableH2Commits.appliesTo("jdbc:h2:file:/d/x")).isTrue();
        assertThat(DurableH2Commits.appliesTo("jdbc:h2:./data/x")).isTrue();
    }

    @Test
    void aConnectionThatAwaitsItsCommitsIsEqualToItselfOnly() throws Exception {
        try (Connection first = DurableH2Commits.wrap(DriverManager.getConnection("jdbc:h2:mem:equality"));
                Connection second = DurableH2Commits.wrap(DriverManager.getConnection("jdbc:h2:mem:equality"))) {
            assertThat(first).isEqualTo(first).isNotEqualTo(second).hasSameHashCodeAs(first);
            assertThat(first.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
        }
    }
}
