package dev.palisade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.RuleCatalog;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class LintCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POD = "testdata/demo/course/1-welcome-pod.yaml";
    private static final String DEPLOY = "testdata/demo/course/2-welcome-deploy.yaml";
    private static final String GOOD_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ok
            spec:
              replicas: 1
              selector:
                matchLabels: {app: ok}
              template:
                metadata:
                  labels: {app: ok}
                spec:
                  containers:
                    - name: ok
                      image: example/ok:1.0
            """;

    @TempDir
    Path tmp;

    @Test
    void exitCodesFollowFailOn() {
        assertEquals(0, CliRunner.run("lint", "--rule", "bare-pod", POD).exit(), "a warning does not fail at the default --fail-on error");
        assertEquals(1, CliRunner.run("lint", "--rule", "bare-pod", "--fail-on", "warning", POD).exit());
        assertEquals(1, CliRunner.run("lint", "--rule", "field-type-invalid", DEPLOY).exit(), "replicas: 3e is an error");
        assertEquals(0, CliRunner.run("lint", "--fail-on", "never", DEPLOY).exit());
        assertEquals(0, CliRunner.run("lint", "--rule", "field-type-invalid", "--fail-on", "INFO",
                "testdata/rules/field-type-invalid/valid.yaml").exit());
    }

    @Test
    void textOutputShowsPositionLineCaretAndSummary() {
        CliRunner.Result r = CliRunner.run("lint", "--rule", "bare-pod", POD);
        assertEquals(POD + ":4:1  warning  bare-pod  Pod Pod/welcome-pod has no controller; use a Deployment "
                + "(or a Job if it runs to completion) instead", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().contains("  4 | kind: Pod"), r::toString);
        assertTrue(r.out().contains("    | ^\n"), r::toString);
        assertTrue(r.out().contains("1 finding (0 errors, 1 warning, 0 info) in 1 file, 1 object."), r::toString);
        assertFalse(r.out().contains("\u001b["), "no colours when not on a terminal");
    }

    @Test
    void readsStandardInput() throws Exception {
        CliRunner.Result r = CliRunner.runIn(CliRunner.REPO, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n",
                "lint", "--format", "json", "--rule", "bare-pod", "-");
        JsonNode f = JSON.readTree(r.out()).path("findings").path(0);
        assertEquals("-", f.path("file").asText());
        assertEquals(2, f.path("line").asInt());
        assertEquals("bare-pod", f.path("rule").asText());
    }

    @Test
    void walksFoldersForManifestExtensionsOnlyButReadsExplicitFilesWhateverTheirName() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("m/nested"));
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("b.YML"), "apiVersion: v1\nkind: Pod\nmetadata: {name: b}\n");
        Files.writeString(dir.resolve("c.json"), "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"c\"}}");
        Files.writeString(dir.resolve("notes.txt"), "kind: Pod\n");
        Files.createDirectories(tmp.resolve("m/.git"));
        Files.writeString(tmp.resolve("m/.git/x.yaml"), "not: a manifest\n");
        Path manifest = Files.writeString(tmp.resolve("pod.manifest"), "apiVersion: v1\nkind: Pod\nmetadata: {name: d}\n");

        JsonNode dirReport = json(CliRunner.runIn(tmp, "", "lint", "-f", "json", "--rule", "bare-pod", "m"));
        assertEquals(3, dirReport.path("summary").path("files").asInt(), dirReport::toString);
        assertEquals(List.of("m/nested/a.yaml", "m/nested/b.YML", "m/nested/c.json"), files(dirReport));

        JsonNode fileReport = json(CliRunner.runIn(tmp, "", "lint", "-f", "json", "--rule", "bare-pod", manifest.toString()));
        assertEquals(List.of("pod.manifest"), files(fileReport), "absolute paths inside the working folder are shown relative");
    }

    @Test
    void missingPathIsExitTwoWhileOtherInputsAreStillLinted() throws Exception {
        CliRunner.Result r = CliRunner.run("lint", "-f", "json", "no/such/file.yaml", POD);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("palisade: no/such/file.yaml: no such file or folder"), r::toString);
        assertEquals(1, JSON.readTree(r.out()).path("summary").path("files").asInt(), "the readable file was linted");
    }

    @Test
    void danglingLinkAndSymlinkLoopInAFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n");
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        Files.createSymbolicLink(dir.resolve("gone.yaml"), tmp.resolve("nowhere.yaml"));
        CliRunner.Result r = CliRunner.runIn(tmp, "", "lint", "-f", "json", "--rule", "bare-pod", "d");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("d/loop: symbolic link loop, skipped"), r::toString);
        assertTrue(r.err().contains("d/gone.yaml: broken symbolic link"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertEquals(List.of("d/pod.yaml"), files(JSON.readTree(r.out())));
    }

    @Test
    void unreadableFileIsReportedAndOthersLinted() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.yaml"), "apiVersion: v1\nkind: Pod\n");
        Files.writeString(tmp.resolve("ok.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n");
        boolean chmodWorks = secret.toFile().setReadable(false, false) && !Files.isReadable(secret);
        org.junit.jupiter.api.Assumptions.assumeTrue(chmodWorks, "running as root: every file is readable");
        CliRunner.Result r = CliRunner.runIn(tmp, "", "lint", "--rule", "bare-pod", ".");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("secret.yaml: permission denied"), r::toString);
        assertTrue(r.out().contains("ok.yaml:2:1"), r::toString);
    }

    @Test
    void badConfigIsExitTwoListingEveryProblemWithoutStackTrace() throws Exception {
        Files.writeString(tmp.resolve(".palisade.yaml"), "rules:\n  no-such-rule: off\n  bare-pod: sometimes\ncolour: red\n");
        Files.writeString(tmp.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
        CliRunner.Result r = CliRunner.runIn(tmp, "", "lint", "pod.yaml");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains(".palisade.yaml: invalid configuration:"), r::toString);
        assertTrue(r.err().contains("line 2, column 3: unknown rule 'no-such-rule'"), r::toString);
        assertTrue(r.err().contains("line 3, column 13: rule bare-pod"), r::toString);
        assertTrue(r.err().contains("line 4, column 1: unknown key 'colour'"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
    }

    @Test
    void configFromCurrentFolderOrFlag() throws Exception {
        Files.writeString(tmp.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
        Files.writeString(tmp.resolve(".palisade.yaml"), "rules:\n  bare-pod: error\n");
        Files.writeString(tmp.resolve("quiet.yaml"), "rules:\n  bare-pod: off\n");
        CliRunner.Result raised = CliRunner.runIn(tmp, "", "lint", "-f", "json", "pod.yaml");
        assertEquals(1, raised.exit(), raised::toString);
        JsonNode bare = null;
        for (JsonNode f : JSON.readTree(raised.out()).path("findings")) {
            bare = f.path("rule").asText().equals("bare-pod") ? f : bare;
        }
        assertEquals("error", bare.path("severity").asText(), "bare-pod raised to error by .palisade.yaml");
        CliRunner.Result quiet = CliRunner.runIn(tmp, "", "lint", "--config", "quiet.yaml", "-f", "json", "pod.yaml");
        assertFalse(rules(json(quiet)).contains("bare-pod"), quiet::toString);
        CliRunner.Result missing = CliRunner.runIn(tmp, "", "lint", "--config", "nope.yaml", "pod.yaml");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.yaml: configuration file not found"), missing::toString);
    }

    @Test
    void ruleAndSkipRuleSelectRules() throws Exception {
        List<String> only = rules(json(CliRunner.run("lint", "-f", "json", "--rule", "bare-pod", POD, DEPLOY)));
        assertEquals(List.of("bare-pod"), only);
        List<String> skipped = rules(json(CliRunner.run("lint", "-f", "json", "--skip-rule", "bare-pod", POD, DEPLOY)));
        assertFalse(skipped.contains("bare-pod"), skipped::toString);
        assertTrue(skipped.contains("field-type-invalid"), skipped::toString);
        CliRunner.Result unknown = CliRunner.run("lint", "--rule", "bare-pods", POD);
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--rule bare-pods: unknown rule"), unknown::toString);
    }

    @Test
    void usageErrorsAreExitTwoWithMessage() {
        for (String[] args : List.of(new String[] {"lint", "--bogus", POD}, new String[] {"lint", "--format", "xml", POD},
                new String[] {"lint"}, new String[] {"lint", "--kubernetes-version", "latest", POD},
                new String[] {"lint", "--namespace", "Not_A_Namespace", POD}, new String[] {"frobnicate"}, new String[] {})) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(2, r.exit(), () -> String.join(" ", args) + "\n" + r);
            assertTrue(r.err().startsWith("palisade: "), () -> String.join(" ", args) + "\n" + r);
            assertFalse(r.err().contains("\tat "), r::toString);
        }
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode root = json(CliRunner.run("lint", "-f", "json", "--namespace", "team-a", POD, DEPLOY));
        assertEquals(List.of("findings", "summary"), fieldNames(root));
        JsonNode f = root.path("findings").path(0);
        assertEquals(List.of("rule", "severity", "message", "file", "line", "column", "path", "object", "remediation", "docs"),
                fieldNames(f));
        assertEquals(List.of("apiVersion", "kind", "namespace", "name"), fieldNames(f.path("object")));
        assertEquals("team-a", f.path("object").path("namespace").asText(), "--namespace applies to objects without one");
        assertEquals(List.of("files", "objects", "error", "warning", "info"), fieldNames(root.path("summary")));
        assertEquals(2, root.path("summary").path("files").asInt());
    }

    @Test
    void sarifHasRulesRegionsAndRelativeUris() throws Exception {
        JsonNode sarif = json(CliRunner.run("lint", "-f", "sarif", POD, DEPLOY));
        assertEquals("2.1.0", sarif.path("version").asText());
        JsonNode run = sarif.path("runs").path(0);
        assertEquals("Palisade", run.path("tool").path("driver").path("name").asText());
        List<String> ruleIds = new ArrayList<>();
        run.path("tool").path("driver").path("rules").forEach(r -> {
            ruleIds.add(r.path("id").asText());
            assertTrue(r.path("helpUri").asText().endsWith("/docs/rules/" + r.path("id").asText() + ".md"), r::toString);
        });
        assertEquals(ruleIds.stream().distinct().sorted().toList(), ruleIds, "one entry per rule id");
        JsonNode results = run.path("results");
        assertTrue(results.size() >= 2);
        for (JsonNode res : results) {
            assertEquals(res.path("ruleId").asText(), ruleIds.get(res.path("ruleIndex").asInt()));
            JsonNode loc = res.path("locations").path(0).path("physicalLocation");
            assertEquals("%SRCROOT%", loc.path("artifactLocation").path("uriBaseId").asText());
            assertTrue(loc.path("artifactLocation").path("uri").asText().startsWith("testdata/demo/course/"));
            assertTrue(loc.path("region").path("startLine").asInt() >= 1);
            assertTrue(loc.path("region").path("startColumn").asInt() >= 1);
        }
        JsonNode replicas = find(results, "field-type-invalid");
        assertEquals(7, replicas.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("error", replicas.path("level").asText());
        assertEquals("warning", find(results, "bare-pod").path("level").asText());
    }

    @Test
    void junitHasOneTestCasePerObjectAndFailuresAtFailOn() throws Exception {
        CliRunner.Result r = CliRunner.run("lint", "-f", "junit", "testdata/demo/course");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(r.out())));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(5, cases.getLength(), "five objects in the course examples");
        Element deploy = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals(DEPLOY)) {
                deploy = c;
            }
        }
        assertEquals("Deployment/default/welcome-deploy", deploy.getAttribute("name"));
        Element failure = (Element) deploy.getElementsByTagName("failure").item(0);
        assertTrue(failure.getTextContent().contains(DEPLOY + ":7:3  error  field-type-invalid"), failure::getTextContent);
        Element all = (Element) doc.getElementsByTagName("testsuites").item(0);
        assertEquals(String.valueOf(doc.getElementsByTagName("failure").getLength()), all.getAttribute("failures"));
        assertEquals(4, doc.getElementsByTagName("testsuite").getLength(), "one suite per file");
    }

    @Test
    void githubAnnotationsEscapeTheirData() {
        CliRunner.Result r = CliRunner.run("lint", "-f", "github", "--rule", "field-type-invalid", DEPLOY);
        assertTrue(r.out().startsWith("::error file=" + DEPLOY + ",line=7,col=3,title=field-type-invalid::spec.replicas%3A")
                || r.out().startsWith("::error file=" + DEPLOY + ",line=7,col=3,title=field-type-invalid::spec.replicas:"), r::toString);
        assertEquals("a%25b%0D%0Ac", dev.palisade.report.GithubReporter.data("a%b\r\nc"));
        assertEquals("x%3Ay%2Cz", dev.palisade.report.GithubReporter.property("x:y,z"));
    }

    @Test
    void outputFileReceivesTheReport() throws Exception {
        CliRunner.Result r = CliRunner.runIn(CliRunner.REPO, "", "lint", "-f", "json", "--rule", "bare-pod", "-o", tmp.resolve("out.json").toString(), POD);
        assertEquals("", r.out());
        assertEquals(1, JSON.readTree(tmp.resolve("out.json").toFile()).path("findings").size());
    }

    @Test
    void schemaFlagsReachTheEngineConfig() throws Exception {
        Files.writeString(tmp.resolve(".palisade.yaml"), "namespace: from-config\n");
        LintCommand lint = parse(tmp, "lint", "--kubernetes-version", "v1.33", "--crd", "crds", "--crd", "/abs/crd.yaml",
                "--schema-location", "/schemas/{{.ResourceKind}}.json", "--allow-network", "--strict-kinds", "pod.yaml");
        PalisadeConfig cfg = lint.loadConfig(lint.main.env, RuleCatalog.load());
        assertEquals(new PalisadeConfig.SchemaOptions("1.33", List.of(tmp.resolve("crds").toString(), "/abs/crd.yaml"),
                List.of("/schemas/{{.ResourceKind}}.json"), true, true), cfg.schema());
        assertEquals("from-config", cfg.namespaceOrDefault());
        LintCommand defaults = parse(tmp, "lint", "--namespace", "ns1", "pod.yaml");
        PalisadeConfig plain = defaults.loadConfig(defaults.main.env, RuleCatalog.load());
        assertEquals(PalisadeConfig.SchemaOptions.DEFAULT, plain.schema());
        assertEquals("ns1", plain.namespaceOrDefault(), "--namespace wins over the config file");
    }

    private static LintCommand parse(Path workDir, String... args) {
        Env env = new Env(workDir, System.in, System.out, System.err, false);
        picocli.CommandLine cli = Main.commandLine(env);
        picocli.CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (LintCommand) parsed.subcommand().commandSpec().userObject();
    }

    private static JsonNode find(JsonNode results, String rule) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(rule)) {
                return r;
            }
        }
        throw new AssertionError("no " + rule + " in " + results);
    }

    private static JsonNode json(CliRunner.Result r) throws Exception {
        assertTrue(r.exit() <= 1, r::toString);
        return JSON.readTree(r.out());
    }

    private static List<String> files(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> out.add(f.path("file").asText()));
        return out.stream().distinct().sorted().toList();
    }

    private static List<String> rules(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> out.add(f.path("rule").asText()));
        return out.stream().distinct().toList();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
