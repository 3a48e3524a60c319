package cn.anxun.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The columns of a list's spreadsheet: each a header and what a row gives for it. */
final class SheetColumns<T> {

    private final List<String> names = new ArrayList<>();
    private final List<Function<T, Object>> cells = new ArrayList<>();

    SheetColumns<T> add(String name, Function<T, Object> cell) {
        names.add(name);
        cells.add(cell);
        return this;
    }

    String[] header() {
        return names.toArray(String[]::new);
    }

    Object[] cells(T row) {
        return cells.stream().map(cell -> cell.apply(row)).toArray();
    }
}
