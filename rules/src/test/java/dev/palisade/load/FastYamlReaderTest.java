package dev.palisade.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Targeted cases for {@link FastYamlReader}: what it reads must equal the snakeyaml path exactly
 * (checked by {@link FastYamlReaderDifferentialTest#assertSameLoad}), and what it must leave to
 * snakeyaml it refuses.
 */
class FastYamlReaderTest {
    private static final String HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

    /** YAML 1.1 scalars as snakeyaml resolves them, plain and quoted. */
    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes", "YES", "no", "on", "Off", "y", "n", "true", "False", "TRUE", "~", "null",
        "Null", "NULL", "nul", "0", "-0", "+7", "12", "1_000", "0x1F", "0x_1f", "0o17", "017", "08", "0b1010", "-0b1",
        "3:25:45", "190:20:30", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "99999999999999999999999", "1.5", "-1.5e3", "1e3", "1.", ".5", "1_0.5", "6.8523015e+5",
        ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1:20.5", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "=", "a b  c", "http://x:80/y", "a#b", "a: b", "x:", "-1", "-a", ":a", "?a",
        "'quoted'", "'it''s'", "''", "'a # b'", "\"\"", "\"a\\tb\\n\\\\\\\"\"", "\"\\x41\\u00e9\\U0001F600\"",
        "\"\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"", "\"yes\"", "'0x1F'", "\u00e9t\u00e9", "[]", "{}", "[a, 'b', \"c\"]",
        "[1, 2.5, yes, ~, null]", "{a: 1, 'b': x, \"c\": [d, {e: f}]}", "[ ]", "{ a: 1 }", "[--port=8080, -v]", "{image: nginx:1.25, port: 80}", "[a:b, c:]", "{a:b: c}",
        "[http://x/y, 'a:b']", "{name: a, x: 1:2}"})
    void scalarsResolveLikeSnakeyaml(String scalar) {
        for (String text : List.of(HEAD + "data:\n  v: " + scalar + "\n", HEAD + "data:\n  v: " + scalar + "  # c\n",
                HEAD + "list:\n- " + scalar + "\n- x\n", HEAD + "list:\n  -   " + scalar)) {
            FastYamlReaderDifferentialTest.assertSameLoad("s.yaml", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The shortcuts of {@link FastYamlReader#tagOf} give what snakeyaml's resolver gives. */
    @Test
    void tagsMatchSnakeyamlsResolver() {
        assertEquals("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
                Resolver.BOOL.pattern(), "snakeyaml's booleans changed: update FastYamlReader.BOOL_WORDS");
        assertEquals("^(?:~|null|Null|NULL| )$", Resolver.NULL.pattern(),
                "snakeyaml's nulls changed: update FastYamlReader.NULL_WORDS");
        Resolver resolver = new Resolver();
        List<String> values = new java.util.ArrayList<>(List.of("", "0", "00", "01", "10", "123", "1".repeat(999),
                "1".repeat(1001), "9".repeat(30), "y", "n", "Y", "N", "yes ", "yess", "nul", "nulll", "t", "o", "oN",
                "tRUE", "nginx", "name", "Never", "otherwise", "false1", "~", "-1", "+1", "1_0", "0x1", ".5", "1e3",
                "2001-12-14", "3:25", "<<", "=", "a", "Z", "_x", "/path", "\u00e9t\u00e9"));
        values.addAll(FastYamlReader.BOOL_WORDS);
        values.addAll(FastYamlReader.NULL_WORDS);
        for (String v : values) {
            assertEquals(resolver.resolve(NodeId.scalar, v, true), FastYamlReader.tagOf(v), v);
        }
    }

    @Test
    void numbersKeepTheirJacksonTypes() {
        SourceFile f = new ManifestLoader().load("n.yaml", HEAD + "data:\n  i: 2147483647\n  l: 2147483648\n"
                + "  b: 9223372036854775808\n  o: 017\n");
        assertNotNull(FastYamlReader.read(HEAD, LoaderLimits.DEFAULT));
        var data = f.objects().get(0).tree().get("data");
        assertEquals(IntNode.class, data.get("i").getClass());
        assertEquals(LongNode.class, data.get("l").getClass());
        assertEquals(BigIntegerNode.class, data.get("b").getClass());
        assertEquals(15, data.get("o").intValue());
        assertEquals("017", f.objects().get(0).positions().plainScalar("data.o"));
    }

    /** Literal and folded block scalars with every chomping and indentation indicator. */
    @ParameterizedTest
    @ValueSource(strings = {"|\n    a\n    b\n", "|-\n    a\n    b\n\n\n", "|+\n    a\n    b\n\n\n", ">\n    a\n    b\n\n    c\n",
        ">-\n    a\n     indented\n    b\n", ">+\n    a\n\n", "|2\n      a\n     b\n", "|-2\n     a\n", "|2-\n     a\n",
        ">1\n    a\n", "|\n\n    after blank\n", "|\n      \n    more spaces on the blank line\n", "|\n    a", "|-\n    a",
        "|+\n    a\n  ", "|\n", "|-\n", "|+\n\n\n", "| # comment\n    a\n  # less indented comment\n",
        ">\n    folded\n    lines\n\n\n    with gaps\n      and indented\n    text\n", "|\n    # not a comment\n    ---\n",
        "|\n    trailing spaces   \n"})
    void blockScalarsReadLikeSnakeyaml(String scalar) {
        for (String text : List.of(HEAD + "data:\n  v: " + scalar + "  w: after\n", HEAD + "data:\n  v: " + scalar,
                HEAD + "list:\n- " + scalar.replace("\n    ", "\n  ") + "- x\n",
                HEAD + "list:\n  - k: " + scalar.replace("\n    ", "\n      ") + "    j: 1\n")) {
            FastYamlReaderDifferentialTest.assertSameLoad("b.yaml", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Kubernetes layouts the fast reader must read itself (so the benchmark corpus stays on the fast path). */
    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\nb:\n- x\n- y: 1\n  z: 2\nc: 3\n",
        "a:\n  - - 1\n    - 2\n  - -\n    - 3\n",
        "a:\n  -\n    name: x\n  -\n  - ~\n",
        "metadata:\n    name: x\n    labels: {a: b}\n",
        "# comment\n---\n---\na: 1\n...\n---\n# only a comment\n---\nb: 2\n",
        "a: 1 # c\n# c\n  # c\nb:   # c\n  c: 2\n",
        "\"quoted key\": 1\n'single': 2\napp.kubernetes.io/name: x\n",
        "a:\n  b:\n    c:\n      d: [1, {e: f}]\n",
        "a: x\nb:\n",
        "spec:\n  containers:\n    - {name: web, image: registry.io/web:1.0@sha256:abc}\n",
        "d: APIVersion defines the versioned schema\n  of an object.   \n   Servers should convert\n\n  recognized\n\n\n  schemas\nx: 1\n",
        "l:\n- a\n  b\n- c\n   d\n- e\n  # comment\n- f\n",
        "m:\n  k:\n    first\n    second\n  j: 1\n",
        "n: 1\n  2\nt: yes\n  no\ne: end\n  of text",
        "e: a continued plain scalar\n  ending the file with a blank "})
    void layoutsReadByTheFastReader(String body) {
        String text = "apiVersion: v1\nkind: X\n" + body;
        assertNotNull(FastYamlReader.read(text, LoaderLimits.DEFAULT), text);
        FastYamlReaderDifferentialTest.assertSameLoad("l.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Outside the subset or irregular: left to snakeyaml, which reports what it always reported. */
    @ParameterizedTest
    @ValueSource(strings = {"a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: b\n", "%YAML 1.1\n---\na: 1\n",
        "a: [1,\n  2]\n", "a: 'multi\n  line'\n", "a:\tb\n", "a: 1\r\nb: 2\r\n",
        "\ufeffa: 1\n", "a: 1\na: 2\n", "<<: {a: 1}\n", "- a\n- b\n", "just a scalar\n", "{\n  \"a\": 1\n}\n",
        "a: \"\\/\"\n", "a: b: c\n", "a: 1\n b: 2\n", "kind: List\napiVersion: v1\nitems: []\n", "a: \"x\" y\n",
        "a: [1, ]\n", "a: [b c]\n", "a: {b}\n", "a: \"unclosed\n", "--- a: 1\n", "a: |0\n  x\n", "a: \u0085\n",
        "a: \ud83d\ude00\n", "a: @x\n", "a: `x\n", "x: |\n    a\n  b\n", "a: b\n  c: d\n", "a: b\n  c #d\n",
        "a: b\n  - c\n", "a: b\n  'c'\n", "- a\n b: c\n", "- e\n  # comment\n  f: g\n",
        "a: b # c\n  d\n", "a: {:b: c}\n", "a: [?b]\n", "# c\n...\n---\na: 1\n"})
    void refusesWhatItDoesNotHandle(String text) {
        assertNull(FastYamlReader.read(text, LoaderLimits.DEFAULT), text);
        FastYamlReaderDifferentialTest.assertSameLoad("r.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsIndentedRootsAndOneLineJson() {
        for (String text : List.of("  apiVersion: v1\n  kind: X\n", "{\"apiVersion\": \"v1\", \"kind\": \"X\"}\n")) {
            assertNotNull(FastYamlReader.read(text, LoaderLimits.DEFAULT), text);
            FastYamlReaderDifferentialTest.assertSameLoad("i.yaml", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusesDocumentsNearTheLimits() {
        LoaderLimits small = new LoaderLimits(1 << 20, 64, 10, 100, 8);
        assertNull(FastYamlReader.read("a:\n b:\n  c:\n   d:\n    e: 1\n", small)); // depth
        assertNull(FastYamlReader.read("a: [" + "1, ".repeat(60) + "1]\n", small)); // nodes
        assertNull(FastYamlReader.read("a: " + "x".repeat(70) + "\n", small)); // document size
    }
}
