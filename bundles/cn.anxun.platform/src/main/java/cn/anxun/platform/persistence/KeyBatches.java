package cn.anxun.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Rows read by a list of keys ({@code WHERE ID IN :keys}) in chunks: Derby compiles a long {@code IN} list slowly and
 * PostgreSQL takes at most 32,767 parameters, while a list view may show thousands of keys.
 */
public final class KeyBatches {

    /** Keys per query. */
    public static final int SIZE = 500;

    private KeyBatches() {
    }

    /** The rows of every chunk of distinct keys, in the order the query gives them per chunk. */
    public static <K, R> List<R> read(Collection<K> keys, Function<List<K>, List<R>> query) {
        List<K> distinct = keys.stream().distinct().toList();
        List<R> rows = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            rows.addAll(query.apply(distinct.subList(from, Math.min(distinct.size(), from + SIZE))));
        }
        return rows;
    }
}
