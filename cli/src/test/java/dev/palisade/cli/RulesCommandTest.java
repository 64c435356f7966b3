package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.engine.RuleCatalog;
import org.junit.jupiter.api.Test;

class RulesCommandTest {
    @Test
    void rulesListsTheCatalogAsTextAndJson() throws Exception {
        CliRunner.Result text = CliRunner.run("rules");
        assertEquals(0, text.exit());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("bare-pod +warning +controllers +yes +A Pod not managed.*")), text::toString);
        JsonNode json = new ObjectMapper().readTree(CliRunner.run("rules", "--format", "json").out());
        assertEquals(RuleCatalog.load().metas().size(), json.size());
        JsonNode first = json.path(0);
        for (String field : new String[] {"id", "severity", "category", "enabled", "summary", "remediation", "docs", "params"}) {
            assertTrue(first.has(field), field);
        }
    }

    @Test
    void explainPrintsOneRuleOrSuggests() {
        CliRunner.Result r = CliRunner.run("explain", "bare-pod");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("# bare-pod\n\n**Severity:** warning"), r::toString);
        assertTrue(r.out().contains("## How to fix"), r::toString);
        CliRunner.Result typo = CliRunner.run("explain", "bare-pdo");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("did you mean bare-pod?"), typo::toString);
    }

    @Test
    void versionAndHelp() {
        CliRunner.Result v = CliRunner.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().matches("palisade \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\n"), v::toString);
        CliRunner.Result h = CliRunner.run("lint", "--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("--fail-on"), h::toString);
    }
}
