package io.collections.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChunksTest {
    @Test
    void paddedChunksHavePowerOfTwoSizesAndOnlyTheGivenValues() {
        List<Long> values = LongStream.rangeClosed(1, 2_500).boxed().collect(Collectors.toList());
        List<List<Long>> chunks = Chunks.padded(values);
        assertThat(chunks).extracting(List::size).containsExactly(1024, 1024, 512);
        assertThat(chunks.stream().flatMap(List::stream).distinct().sorted().toList()).isEqualTo(values);
        assertThat(Chunks.padded(List.of(7L, 8L, 9L))).containsExactly(List.of(7L, 8L, 9L, 9L));
        assertThat(Chunks.padded(List.of(5L))).containsExactly(List.of(5L));
        assertThat(Chunks.padded(List.of())).isEmpty();
    }
}
