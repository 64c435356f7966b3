package dev.palisade.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
    /** The date and time of the second the last line was written in, as ISO-8601 without the zone. */
    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {
    }

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

    /**
     * Writes {@code fields} as alternating names and values: encoded straight to UTF-8 and handed to
     * the stream in one write (println encoded the text again and wrote the line and its newline in
     * two system calls; a warned review logs a line, so this is on the hot path).
     */
    static void write(String level, String event, Object... fields) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("ts", timestamp(Instant.now()));
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
            throw new IllegalStateException(e); // writing to memory does not fail
        }
        line.write('\n');
        PrintStream stream = out;
        stream.write(line.toByteArray(), 0, line.size()); // PrintStream flushes on write when it auto-flushes
        stream.flush();
    }

    /**
     * {@code Instant.toString()} (ISO-8601, fraction in groups of three digits as needed, "Z"), with the
     * date and time of the second formatted once per second rather than by DateTimeFormatter per line.
     */
    static String timestamp(Instant now) {
        Second s = lastSecond;
        if (s.epochSecond() != now.getEpochSecond()) {
            String full = Instant.ofEpochSecond(now.getEpochSecond()).toString();
            s = new Second(now.getEpochSecond(), full.substring(0, full.length() - 1));
            lastSecond = s;
        }
        String prefix = s.text();
        StringBuilder sb = new StringBuilder(prefix.length() + 11).append(prefix);
        int nano = now.getNano();
        if (nano > 0) {
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            String text = Integer.toString(value);
            sb.append('.').append("000000000", 0, digits - text.length()).append(text);
        }
        return sb.append('Z').toString();
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
