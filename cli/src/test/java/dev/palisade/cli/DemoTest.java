package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.engine.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's demo: {@code palisade lint testdata/demo} with every default rule finds each
 * {@code # expect: rule-id} marker at its line, and nothing else of severity error or warning. Markers
 * naming a rule the catalog does not have (yet) are skipped, so the demo can name rules in progress.
 */
class DemoTest {
    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*(.+)$");
    private static final Pattern ITEM = Pattern.compile("([a-z0-9-]+)(?:@(\\d+))?(?:~\"([^\"]*)\")?");

    private record Mark(String file, int line, String rule) {
    }

    @Test
    void demoFindingsAreExactlyTheMarkedOnes() throws Exception {
        RuleCatalog catalog = RuleCatalog.load();
        List<Mark> expected = markers(CliRunner.REPO.resolve("testdata/demo")).stream()
                .filter(m -> catalog.contains(m.rule())).toList();
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", "testdata/demo");
        assertTrue(r.exit() <= 1, r::toString);
        List<Mark> found = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.out()).path("findings")) {
            Mark m = new Mark(f.path("file").asText(), f.path("line").asInt(), f.path("rule").asText());
            found.add(m);
            String severity = f.path("severity").asText();
            if (!expected.contains(m) && !severity.equals("info")) {
                unexpected.add(m.file() + ":" + m.line() + " " + severity + " " + m.rule() + ": " + f.path("message").asText());
            }
        }
        List<Mark> missing = expected.stream().filter(m -> !found.contains(m)).toList();
        assertEquals(List.of(), missing, "markers without a finding");
        assertEquals(List.of(), unexpected, "findings without a marker (add '# expect: rule-id' or fix the demo)");
        assertTrue(expected.size() >= 2, "the demo exercises rules: " + expected);
    }

    private static List<Mark> markers(Path dir) throws IOException {
        List<Mark> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            String name = CliRunner.REPO.relativize(file).toString();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKER.matcher(lines.get(i));
                if (!m.find()) {
                    continue;
                }
                for (String item : m.group(1).split(",")) {
                    Matcher im = ITEM.matcher(item.trim());
                    assertTrue(im.matches(), name + ":" + (i + 1) + ": bad marker '" + item + "'");
                    out.add(new Mark(name, i + 1, im.group(1)));
                }
            }
        }
        return out;
    }
}
