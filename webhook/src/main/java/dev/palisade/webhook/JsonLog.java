package dev.palisade.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One JSON object per line on stdout. Callers pass only metadata (uid, kind, namespace, name, rule
 * ids, durations): object contents may be Secrets and are never handed to the log.
 */
public final class JsonLog {
    private static final JsonFactory JSON = new JsonFactory();
    private static volatile PrintStream out = System.out;

    private JsonLog() {
    }

    /** Sends the log elsewhere (tests). */
    static void redirect(PrintStream stream) {
        out = stream;
    }

    public static void info(String event, Object... fields) {
        write("info", event, fields);
    }

    public static void warn(String event, Object... fields) {
        write("warn", event, fields);
    }

    public static void error(String event, Object... fields) {
        write("error", event, fields);
    }

    /** Writes {@code fields} as alternating names and values. */
    static void write(String level, String event, Object... fields) {
        StringWriter w = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.now().toString());
            g.writeStringField("level", level);
            g.writeStringField("event", event);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                Object v = fields[i + 1];
                String name = String.valueOf(fields[i]);
                if (v == null) {
                    g.writeNullField(name);
                } else if (v instanceof Integer || v instanceof Long) {
                    g.writeNumberField(name, ((Number) v).longValue());
                } else if (v instanceof Number n) {
                    g.writeNumberField(name, Math.round(n.doubleValue() * 1000) / 1000.0);
                } else if (v instanceof Boolean b) {
                    g.writeBooleanField(name, b);
                } else if (v instanceof Iterable<?> items) {
                    g.writeArrayFieldStart(name);
                    for (Object item : items) {
                        g.writeString(String.valueOf(item));
                    }
                    g.writeEndArray();
                } else {
                    g.writeStringField(name, String.valueOf(v));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        out.println(w);
    }

    /** Routes java.util.logging (Vert.x, Netty, fabric8) through this format, warnings and up. */
    public static void installForLibraries() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.WARNING);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                Throwable t = r.getThrown();
                write(r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error" : "warn", "library",
                        "logger", r.getLoggerName(), "message", r.getMessage(),
                        "exception", t == null ? null : t.getClass().getName() + ": " + t.getMessage());
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
            }
        });
    }
}
