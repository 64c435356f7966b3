package dev.palisade.schemagen;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as compact JSON (the generator needs no JSON library). */
final class Json {
    private Json() {
    }

    static void write(Writer w, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            w.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    w.write(',');
                }
                first = false;
                string(w, e.getKey().toString());
                w.write(':');
                write(w, e.getValue());
            }
            w.write('}');
        } else if (value instanceof List<?> list) {
            w.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                write(w, list.get(i));
            }
            w.write(']');
        } else if (value instanceof String s) {
            string(w, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            w.write(value.toString());
        } else {
            throw new IllegalArgumentException("cannot write " + value);
        }
    }

    private static void string(Writer w, String s) throws IOException {
        w.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                w.write('\\');
                w.write(c);
            } else if (c < 0x20) {
                w.write(String.format("\\u%04x", (int) c));
            } else {
                w.write(c);
            }
        }
        w.write('"');
    }
}
