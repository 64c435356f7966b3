package dev.palisade.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.Position;
import dev.palisade.model.PositionIndex;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML and JSON manifests into {@link ManifestObject}s whose every node keeps its position.
 * Only snakeyaml's composer is used: no constructor runs, so tags can never instantiate classes.
 * Problems (syntax, duplicate keys, limits, missing kind) are returned as values, never thrown.
 */
public final class ManifestLoader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LoaderLimits limits;
    private final String defaultNamespace;
    private final boolean fastReader;

    public ManifestLoader(LoaderLimits limits, String defaultNamespace) {
        this(limits, defaultNamespace, true);
    }

    /**
     * @param fastReader read files in the subset {@link FastYamlReader} handles with it (the default);
     *                   false reads every file with snakeyaml, for differential tests and benchmarks
     */
    public ManifestLoader(LoaderLimits limits, String defaultNamespace, boolean fastReader) {
        this.limits = limits;
        this.defaultNamespace = defaultNamespace;
        this.fastReader = fastReader;
    }

    public ManifestLoader() {
        this(LoaderLimits.DEFAULT, "default");
    }

    /** Reads a file; an unreadable or undecodable file becomes a problem of the result. */
    public SourceFile load(Path file) {
        return load(file, file.toString());
    }

    /** Reads a file under another name (e.g. relative to the working folder). */
    public SourceFile load(Path file, String name) {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileChars()) {
                return failed(name, new LoadProblem(LoadProblem.Kind.TOO_LARGE,
                        "file is " + size + " bytes, over the limit of " + limits.maxFileChars(), Position.START));
            }
            return load(name, Files.readAllBytes(file));
        } catch (IOException | SecurityException e) {
            return failed(name, new LoadProblem(LoadProblem.Kind.SYNTAX,
                    "cannot read file: " + describe(e), Position.START));
        }
    }

    /**
     * Reads files on all cores (the loader keeps no state between files); the result is in the order
     * of {@code files}, so output stays deterministic.
     */
    public List<SourceFile> loadAll(List<Path> files) {
        return files.parallelStream().map(this::load).toList();
    }

    /** Reads content given as bytes (stdin, admission requests, tests). */
    public SourceFile load(String name, byte[] bytes) {
        Decoded decoded = decode(bytes);
        if (decoded.problem != null) {
            return failed(name, decoded.problem);
        }
        return load(name, decoded.text);
    }

    /** Reads content given as text. */
    public SourceFile load(String name, String text) {
        List<String> lines = new SourceLines(text);
        List<ManifestObject> objects = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        text = blankOversizedDocuments(text, problems);
        List<FastYamlReader.Document> documents = fastReader ? FastYamlReader.read(text, limits) : null;
        if (documents != null) {
            for (FastYamlReader.Document d : documents) {
                addObject(name, new Converted(d.tree(), d.positions()), objects, problems);
            }
        } else {
            compose(name, text, objects, problems);
        }
        return new SourceFile(name, List.copyOf(objects), List.copyOf(problems), lines);
    }

    /** The general path: snakeyaml composes each document, which is then converted and checked. */
    private void compose(String name, String text, List<ManifestObject> objects, List<LoadProblem> problems) {
        Yaml yaml = new Yaml(new SafeConstructor(options()), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options());
        try {
            Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            while (documents.hasNext()) {
                Node root = documents.next();
                readDocument(name, root, objects, problems);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = pointOf(e);
            problems.add(new LoadProblem(LoadProblem.Kind.SYNTAX, syntaxMessage(e), position(mark)));
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            problems.add(new LoadProblem(LoadProblem.Kind.SYNTAX, String.format(
                    "character U+%04X is not allowed in YAML (binary data, or a control character?)",
                    e.getCodePoint()), positionOf(text, e.getPosition())));
        } catch (NumberFormatException e) {
            // snakeyaml's scanner reads a hexadecimal escape (x, u or U after a backslash) that the end of
            // the text cuts off as an empty number instead of reporting it (found by fuzzing); the cut
            // escape is the text's last backslash
            problems.add(new LoadProblem(LoadProblem.Kind.SYNTAX,
                    "the text ends inside an escape sequence of a double-quoted string; close the string",
                    positionOf(text, Math.max(0, text.lastIndexOf('\\')))));
        } catch (IllegalArgumentException e) {
            // snakeyaml's Tag refuses a name with leading or trailing white space, which a tag's
            // %-escapes can decode to ("!a%20", or "!a%A" cut off by the end); found by fuzzing
            problems.add(new LoadProblem(LoadProblem.Kind.SYNTAX, "a tag's %-escapes decode to white space at the "
                    + "start or end of its name; remove the tag (manifests need none) or fix the escape",
                    spacedTagPosition(text)));
        } catch (YAMLException e) {
            LoadProblem.Kind kind = isLimit(e) ? LoadProblem.Kind.TOO_LARGE : LoadProblem.Kind.SYNTAX;
            problems.add(new LoadProblem(kind, firstLine(e.getMessage()), Position.START));
        } catch (StackOverflowError e) {
            problems.add(new LoadProblem(LoadProblem.Kind.TOO_LARGE, "nesting too deep to read", Position.START));
        }
    }

    /** Where the first tag whose name starts or ends with white space is, from snakeyaml's events. */
    private Position spacedTagPosition(String text) {
        try {
            for (Event event : new Yaml(options()).parse(new StringReader(text))) {
                String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                        : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
                if (tag != null && !tag.equals(tag.trim())) { // trim(), as snakeyaml's Tag checks
                    return position(event.getStartMark());
                }
            }
        } catch (RuntimeException e) {
            // a later syntax error: the tag was not reached, or the events stop before it
        }
        return Position.START;
    }

    /**
     * Refuses documents over the size limit before snakeyaml sees them: its reader copies its buffer for
     * every chunk of a long token, so a 10 MB line would take minutes. The oversized document is replaced by
     * as many empty lines, which keeps the positions of the other documents right.
     */
    private String blankOversizedDocuments(String text, List<LoadProblem> problems) {
        if (text.length() <= limits.maxDocumentChars()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = nextDocumentStart(text, start);
            if (end - start > limits.maxDocumentChars()) {
                problems.add(new LoadProblem(LoadProblem.Kind.TOO_LARGE, "document is " + (end - start)
                        + " characters, over the limit of " + limits.maxDocumentChars(), positionOf(text, start)));
                text.chars().skip(start).limit(end - start).filter(c -> c == '\n').forEach(c -> kept.append('\n'));
            } else {
                kept.append(text, start, end);
            }
            start = end;
        }
        return kept.toString();
    }

    /** Offset of the next line starting with the document marker {@code ---}, or the end of the text. */
    private static int nextDocumentStart(String text, int from) {
        int at = from;
        while (true) {
            at = text.indexOf("\n---", at + 1);
            if (at < 0) {
                return text.length();
            }
            int after = at + 4;
            if (after >= text.length() || Character.isWhitespace(text.charAt(after))) {
                return at + 1;
            }
        }
    }

    private LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true); // detected below, with a position, instead of a bare exception
        o.setMaxAliasesForCollections(limits.maxAliases());
        o.setCodePointLimit(limits.maxFileChars());
        o.setNestingDepthLimit(limits.maxDepth());
        o.setAllowRecursiveKeys(false);
        o.setProcessComments(false);
        return o;
    }

    private void readDocument(String source, Node root, List<ManifestObject> objects, List<LoadProblem> problems) {
        if (root == null || (root instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return; // empty or comment-only document
        }
        Position start = position(root.getStartMark());
        int chars = root.getEndMark().getIndex() - root.getStartMark().getIndex();
        if (chars > limits.maxDocumentChars()) {
            problems.add(new LoadProblem(LoadProblem.Kind.TOO_LARGE, "document is " + chars
                    + " characters, over the limit of " + limits.maxDocumentChars(), start));
            return;
        }
        if (!(root instanceof MappingNode)) {
            problems.add(new LoadProblem(LoadProblem.Kind.KIND_MISSING,
                    "document is " + describeNode(root) + ", not a Kubernetes object (a mapping with apiVersion and kind)",
                    start));
            return;
        }
        Converted doc = convert(root, problems);
        if (doc == null) {
            return;
        }
        JsonNode items = doc.tree.get("items");
        String kind = doc.tree.path("kind").asText("");
        if (kind.endsWith("List") && items instanceof ArrayNode && root instanceof MappingNode map) {
            readListItems(source, map, objects, problems);
            return;
        }
        addObject(source, doc, objects, problems);
    }

    /** {@code kind: List} and typed lists: each item is an object of its own. */
    private void readListItems(String source, MappingNode list, List<ManifestObject> objects, List<LoadProblem> problems) {
        for (NodeTuple t : list.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("items")
                    && t.getValueNode() instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (!(item instanceof MappingNode)) {
                        problems.add(new LoadProblem(LoadProblem.Kind.KIND_MISSING, "list item is "
                                + describeNode(item) + ", not a Kubernetes object", position(item.getStartMark())));
                        continue;
                    }
                    Converted c = convert(item, problems);
                    if (c != null) {
                        addObject(source, c, objects, problems);
                    }
                }
            }
        }
    }

    private void addObject(String source, Converted doc, List<ManifestObject> objects, List<LoadProblem> problems) {
        ManifestObject object = new ManifestObject(source, doc.tree, doc.positions, defaultNamespace);
        ObjectRef ref = object.ref();
        if (ref.apiVersion() == null || ref.kind() == null) {
            String missing = ref.apiVersion() == null && ref.kind() == null ? "apiVersion and kind"
                    : ref.apiVersion() == null ? "apiVersion" : "kind";
            problems.add(new LoadProblem(LoadProblem.Kind.KIND_MISSING, "object has no " + missing
                    + " (or it is not a string), so it cannot be applied; add " + missing
                    + " as strings (e.g. apiVersion: apps/v1, kind: Deployment)", doc.positions.locate(""), "", ref));
            return;
        }
        objects.add(object);
    }

    private record Converted(ObjectNode tree, PositionIndex positions) {
    }

    private Converted convert(Node root, List<LoadProblem> problems) {
        PositionIndex positions = new PositionIndex();
        Walk walk = new Walk(problems);
        try {
            JsonNode tree = walk.toJson(root, positions.root(position(root.getStartMark())), 0);
            return new Converted((ObjectNode) tree, positions);
        } catch (LimitExceeded e) {
            problems.add(new LoadProblem(LoadProblem.Kind.TOO_LARGE, e.getMessage(), position(root.getStartMark())));
            return null;
        }
    }

    private static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Converts one document's node graph to a Jackson tree, recording positions on the way. The JSON
     * path of the current node is kept as a stack of keys and indexes and only spelt out when a
     * problem needs it.
     */
    private final class Walk {
        private final List<LoadProblem> problems;
        private final List<Object> path = new ArrayList<>();
        private int nodes;

        Walk(List<LoadProblem> problems) {
            this.problems = problems;
        }

        /** @param at the node's position entry, already recorded by its parent */
        JsonNode toJson(Node node, PositionIndex.Entry at, int depth) {
            if (++nodes > limits.maxNodes()) {
                throw new LimitExceeded("document expands to over " + limits.maxNodes()
                        + " nodes (aliases multiply them); refused");
            }
            if (depth > limits.maxDepth()) {
                throw new LimitExceeded("document nests deeper than " + limits.maxDepth() + " levels; refused");
            }
            if (node instanceof MappingNode map) {
                ObjectNode out = JSON.objectNode();
                readMapping(map, at, depth, out, new HashSet<>(), true);
                return out;
            }
            if (node instanceof SequenceNode seq) {
                ArrayNode out = JSON.arrayNode();
                List<Node> items = seq.getValue();
                for (int i = 0; i < items.size(); i++) {
                    Node item = items.get(i);
                    path.add(i);
                    out.add(toJson(item, at.item(i, position(item.getStartMark())), depth + 1));
                    path.remove(path.size() - 1);
                }
                return out;
            }
            ScalarNode scalar = (ScalarNode) node;
            JsonNode value = scalar(scalar.getValue(), scalar.getTag());
            if (scalar.isPlain() && !value.isTextual() && !value.isNull()) {
                at.plainScalar(scalar.getValue());
            }
            return value;
        }

        /** Merge keys ({@code <<}) first, so explicit keys win as YAML says. */
        private void readMapping(MappingNode map, PositionIndex.Entry at, int depth, ObjectNode out,
                Set<String> explicit, boolean reportDuplicates) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getTag().equals(Tag.MERGE)) {
                    Node v = t.getValueNode();
                    List<Node> sources = v instanceof SequenceNode s ? s.getValue() : List.of(v);
                    for (Node src : sources) {
                        if (src instanceof MappingNode m) {
                            readMapping(m, at, depth, out, explicit, false);
                        }
                    }
                }
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : map.getValue()) {
                Node keyNode = t.getKeyNode();
                if (keyNode instanceof ScalarNode k && k.getTag().equals(Tag.MERGE)) {
                    continue;
                }
                String key = keyText(keyNode);
                Position keyPosition = position(keyNode.getStartMark());
                if (!seen.add(key) && reportDuplicates) {
                    problems.add(new LoadProblem(LoadProblem.Kind.DUPLICATE_KEY, "key '" + key
                            + "' appears twice in this mapping; the API server keeps only one of them",
                            keyPosition, JsonPath.child(currentPath(), key), ObjectRef.NONE));
                }
                if (reportDuplicates) {
                    explicit.add(key);
                } else if (explicit.contains(key) || out.has(key)) {
                    continue;
                }
                path.add(key);
                out.set(key, toJson(t.getValueNode(), at.field(key, keyPosition), depth + 1));
                path.remove(path.size() - 1);
            }
        }

        private String currentPath() {
            String p = "";
            for (Object segment : path) {
                p = segment instanceof Integer i ? JsonPath.index(p, i) : JsonPath.child(p, (String) segment);
            }
            return p;
        }

        private String keyText(Node keyNode) {
            if (keyNode instanceof ScalarNode s) {
                return s.getValue();
            }
            problems.add(new LoadProblem(LoadProblem.Kind.SYNTAX,
                    "a mapping key must be a plain string, not " + describeNode(keyNode),
                    position(keyNode.getStartMark())));
            return "<complex key>";
        }
    }

    /** Resolves a scalar as YAML 1.1 does (which is what kubectl's YAML library does too). */
    static JsonNode scalar(String v, Tag tag) {
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            String l = v.toLowerCase(Locale.ROOT);
            return JSON.booleanNode(l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y"));
        }
        if (tag.equals(Tag.INT)) {
            BigInteger i = parseInt(v);
            if (i == null) {
                return JSON.textNode(v);
            }
            return i.bitLength() < 32 ? JSON.numberNode(i.intValue())
                    : i.bitLength() < 64 ? JSON.numberNode(i.longValue()) : JSON.numberNode(i);
        }
        if (tag.equals(Tag.FLOAT)) {
            return parseFloat(v);
        }
        return JSON.textNode(v);
    }

    private static BigInteger parseInt(String raw) {
        String v = raw.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            BigInteger result;
            if (v.equals("0")) {
                result = BigInteger.ZERO;
            } else if (v.startsWith("0b")) {
                result = new BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                result = new BigInteger(v.substring(2), 16);
            } else if (v.startsWith("0o")) {
                result = new BigInteger(v.substring(2), 8);
            } else if (v.startsWith("0")) {
                result = new BigInteger(v.substring(1), 8);
            } else if (v.contains(":")) {
                result = BigInteger.ZERO;
                for (String part : v.split(":")) {
                    result = result.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                result = new BigInteger(v);
            }
            return sign < 0 ? result.negate() : result;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode parseFloat(String raw) {
        String v = raw.replace("_", "").toLowerCase(Locale.ROOT);
        if (v.endsWith(".inf") || v.endsWith(".nan") || v.contains(":")) {
            return JSON.textNode(raw); // not representable in JSON; the API server rejects these too
        }
        try {
            return JSON.numberNode(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return JSON.textNode(raw);
        }
    }

    private static String describeNode(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        return "the scalar '" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'";
    }

    /** Line and column of a character offset. */
    private static Position positionOf(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }

    private static Position position(Mark mark) {
        return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * Where to point: the problem mark, except when the parser only noticed at the end of the stream
     * (an unclosed quote or bracket), where the construct that was never closed is more useful.
     */
    private static Mark pointOf(MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem());
        boolean atEnd = problem.contains("end of stream") || problem.contains("<stream end>");
        if ((atEnd || e.getProblemMark() == null) && e.getContextMark() != null) {
            return e.getContextMark();
        }
        return e.getProblemMark();
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        StringBuilder sb = new StringBuilder();
        if (e.getContext() != null) {
            sb.append(e.getContext()).append(": ");
        }
        sb.append(e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage()));
        return sb.toString().replaceAll("\\s+", " ").trim();
    }

    private static boolean isLimit(YAMLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("limit") || m.contains("too many") || m.contains("exceed");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable YAML";
        }
        int cut = s.indexOf('\n');
        return cut > 0 ? s.substring(0, cut) : s;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private SourceFile failed(String name, LoadProblem problem) {
        return new SourceFile(name, List.of(), List.of(problem), List.of());
    }

    private record Decoded(String text, LoadProblem problem) {
    }

    /** UTF-8 (with or without a BOM) or UTF-16 with a BOM; invalid bytes are a problem with a position. */
    private static Decoded decode(byte[] bytes) {
        int offset = 0;
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) bytes.length + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1;
            int lastBreak = -1;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lastBreak = i;
                }
            }
            return new Decoded(null, new LoadProblem(LoadProblem.Kind.SYNTAX,
                    "invalid " + charset.name() + " byte sequence; manifests must be UTF-8 text",
                    new Position(line, before.length() - lastBreak)));
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            // flush after a completed decode cannot fail; nothing to report
        }
        out.flip();
        return new Decoded(out.toString(), null);
    }
}
