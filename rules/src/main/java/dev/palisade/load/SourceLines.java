package dev.palisade.load;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The lines of a file, split on first use. Reporters only read the lines findings point at, so a
 * lint run keeps each file's text as one compact string instead of a string per line (which was a
 * quarter of the heap a lint set kept alive) and never splits files without findings.
 */
final class SourceLines extends AbstractList<String> implements RandomAccess {
    private final String text;
    private volatile List<String> lines;

    SourceLines(String text) {
        this.text = text;
    }

    @Override
    public String get(int index) {
        return lines().get(index);
    }

    @Override
    public int size() {
        return lines().size();
    }

    /** Lines end at LF or CRLF, as {@code text.split("\r?\n", -1)} splits them. */
    private List<String> lines() {
        List<String> l = lines;
        if (l == null) {
            List<String> split = new ArrayList<>();
            int start = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                split.add(text.substring(start, end));
                start = i + 1;
            }
            split.add(text.substring(start));
            l = List.copyOf(split);
            lines = l;
        }
        return l;
    }
}
