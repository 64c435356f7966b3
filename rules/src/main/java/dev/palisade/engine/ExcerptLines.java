package dev.palisade.engine;

import dev.palisade.load.SourceFile;
import java.util.AbstractList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The lines of a linted file that findings point at, which is all reporters show of it (the
 * offending line under each finding); the rest of the file's text is not kept once it is linted.
 * Any other line reads as empty.
 */
final class ExcerptLines extends AbstractList<String> implements RandomAccess {
    private static final ExcerptLines NONE = new ExcerptLines(Map.of());

    private final Map<Integer, String> byNumber;
    private final int last;

    private ExcerptLines(Map<Integer, String> byNumber) {
        this.byNumber = byNumber;
        this.last = byNumber.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Lines {@code numbers} (1-based) of {@code file}, and those {@code kept} already holds. */
    static ExcerptLines of(SourceFile file, Collection<Integer> numbers, ExcerptLines kept) {
        if (numbers.isEmpty() && kept == null) {
            return NONE;
        }
        Map<Integer, String> lines = kept == null ? new HashMap<>() : new HashMap<>(kept.byNumber);
        for (int n : numbers) {
            lines.putIfAbsent(n, file.line(n));
        }
        return new ExcerptLines(lines);
    }

    boolean holds(int number) {
        return byNumber.containsKey(number);
    }

    @Override
    public String get(int index) {
        return byNumber.getOrDefault(index + 1, "");
    }

    @Override
    public int size() {
        return last;
    }
}
