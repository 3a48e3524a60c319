package cn.anxun.platform.persistence;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.Test;

public class KeyBatchesTest {

    @Test
    public void keysAreReadOnceEachInChunksOfTheBatchSize() {
        List<Integer> keys = new ArrayList<>(IntStream.range(0, KeyBatches.SIZE * 2 + 1).boxed().toList());
        keys.add(7);
        List<Integer> chunkSizes = new ArrayList<>();
        List<Integer> rows = KeyBatches.read(keys, chunk -> {
            chunkSizes.add(chunk.size());
            return chunk.stream().map(key -> key * 10).toList();
        });
        assertEquals(List.of(KeyBatches.SIZE, KeyBatches.SIZE, 1), chunkSizes);
        assertEquals(KeyBatches.SIZE * 2 + 1, rows.size());
        assertEquals(Integer.valueOf(KeyBatches.SIZE * 20), rows.get(KeyBatches.SIZE * 2));
    }

    @Test
    public void noKeysAskNothing() {
        assertEquals(List.of(), KeyBatches.read(List.of(), chunk -> {
            throw new AssertionError("asked for " + chunk);
        }));
    }
}
