package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/rules/*.md, the README's rule table and its demo output are generated and must be current. */
class DocsUpToDateTest {
    @TempDir
    Path tmp;

    @Test
    void generatedRuleDocsAndReadmeTableAreCurrent() {
        CliRunner.Result r = CliRunner.run("docs", "--out", "docs/rules", "--readme", "README.md", "--check");
        assertEquals(0, r.exit(), () -> "stale rule docs; regenerate with "
                + "'./palisade docs --out docs/rules --readme README.md'\n" + r);
    }

    @Test
    void checkFailsWhenStaleAndWriteFixesIt() throws Exception {
        Files.writeString(tmp.resolve("README.md"),
                "# x\n<!-- demo:begin -->\nold demo\n<!-- demo:end -->\n<!-- rules:begin -->\nold\n<!-- rules:end -->\nafter\n");
        Files.createDirectories(tmp.resolve("testdata/demo"));
        Files.writeString(tmp.resolve("testdata/demo/pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
        Files.createDirectories(tmp.resolve("docs/rules"));
        Files.writeString(tmp.resolve("docs/rules/retired-rule.md"), "# gone\n");
        CliRunner.Result stale = CliRunner.runIn(tmp, "", "docs", "--out", "docs/rules", "--readme", "README.md", "--check");
        assertEquals(1, stale.exit(), stale::toString);
        assertTrue(stale.out().contains("retired-rule.md (no such rule)"), stale::toString);

        CliRunner.Result write = CliRunner.runIn(tmp, "", "docs", "--out", "docs/rules", "--readme", "README.md",
                "--fixtures", CliRunner.REPO.resolve("testdata/rules").toString());
        assertEquals(0, write.exit(), write::toString);
        String readme = Files.readString(tmp.resolve("README.md"));
        assertTrue(readme.contains("| [`bare-pod`](docs/rules/bare-pod.md) | warning | controllers | on |"), readme);
        assertTrue(readme.endsWith("<!-- rules:end -->\nafter\n"), readme);
        assertTrue(readme.contains("<!-- demo:begin -->\n```text\ntestdata/demo/pod.yaml:2:1  warning  bare-pod  "), readme);
        assertTrue(readme.contains("in 1 file, 1 object.\n```\n<!-- demo:end -->"), readme);
        String doc = Files.readString(tmp.resolve("docs/rules/bare-pod.md"));
        assertTrue(doc.startsWith("# bare-pod\n"), doc);
        assertTrue(doc.contains("## Example"), doc);
        assertTrue(doc.contains("kind: Pod  # expect: bare-pod"), doc);
        assertTrue(Files.notExists(tmp.resolve("docs/rules/retired-rule.md")));
        assertEquals(0, CliRunner.runIn(tmp, "", "docs", "--out", "docs/rules", "--readme", "README.md",
                "--fixtures", CliRunner.REPO.resolve("testdata/rules").toString(), "--check").exit());
    }

    @Test
    void readmeWithoutMarkersIsAClearError() throws Exception {
        Files.writeString(tmp.resolve("README.md"), "# no table here\n");
        CliRunner.Result r = CliRunner.runIn(tmp, "", "docs", "--readme", "README.md");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("has no <!-- rules:begin --> ... <!-- rules:end --> markers"), r::toString);
    }
}
