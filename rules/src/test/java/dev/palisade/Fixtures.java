package dev.palisade;

import dev.palisade.config.ConfigException;
import dev.palisade.config.ConfigLoader;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Finding;
import dev.palisade.engine.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Inline expectations in fixture manifests: {@code # expect: rule-id} on the line a finding must point
 * to; several may be given separated by commas; {@code rule-id@7} also pins the column and
 * {@code rule-id~"text"} requires a message fragment.
 */
public final class Fixtures {
    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*(.+)$");
    private static final Pattern ITEM = Pattern.compile("([a-z0-9-]+)(?:@(\\d+))?(?:~\"([^\"]*)\")?");

    public static final RuleCatalog CATALOG = RuleCatalog.load();

    private Fixtures() {
    }

    /** One expected finding. */
    public record Expected(String file, int line, String rule, Integer column, String fragment) {
        boolean matches(Finding f) {
            return f.file().equals(file) && f.line() == line && f.rule().equals(rule)
                    && (column == null || f.column() == column)
                    && (fragment == null || f.message().contains(fragment));
        }

        @Override
        public String toString() {
            return file + ":" + line + (column == null ? "" : ":" + column) + " " + rule
                    + (fragment == null ? "" : " ~\"" + fragment + "\"");
        }
    }

    /** The repository's testdata folder, found from the module directory tests run in. */
    public static Path testdata() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata");
            if (Files.isDirectory(candidate.resolve("rules"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/ not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Expected> expectations(Path file, Predicate<String> ruleFilter) {
        List<Expected> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            for (String item : m.group(1).split(",")) {
                Matcher im = ITEM.matcher(item.trim());
                if (!im.matches()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": bad expectation '" + item + "'");
                }
                if (ruleFilter.test(im.group(1))) {
                    out.add(new Expected(file.toString(), i + 1, im.group(1),
                            im.group(2) == null ? null : Integer.valueOf(im.group(2)), im.group(3)));
                }
            }
        }
        return out;
    }

    /** Every manifest file below {@code dir}, sorted. */
    public static List<Path> manifests(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                    .filter(p -> !p.getFileName().toString().equals(ConfigLoader.FILE_NAME))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .palisade.yaml} next to a fixture, or the defaults. */
    public static PalisadeConfig configFor(Path dir) {
        Path cfg = dir.resolve(ConfigLoader.FILE_NAME);
        if (!Files.exists(cfg)) {
            return PalisadeConfig.DEFAULT;
        }
        try {
            return new ConfigLoader(CATALOG, Set.of("webhook")).load(cfg);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Compares findings with expectations; returns a readable list of differences (empty when they agree).
     */
    public static String diff(List<Expected> expected, List<Finding> actual) {
        List<Finding> unmatched = new ArrayList<>(actual);
        List<Expected> missing = new ArrayList<>();
        for (Expected e : expected) {
            Finding hit = unmatched.stream().filter(e::matches).findFirst().orElse(null);
            if (hit == null) {
                missing.add(e);
            } else {
                unmatched.remove(hit);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Expected e : missing) {
            sb.append("\n  missing:    ").append(e);
        }
        for (Finding f : unmatched) {
            sb.append("\n  unexpected: ").append(f.file()).append(':').append(f.line()).append(':')
                    .append(f.column()).append(' ').append(f.rule()).append(" \"").append(f.message()).append('"');
        }
        return sb.toString();
    }
}
