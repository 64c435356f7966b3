package dev.palisade.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.model.Position;
import dev.palisade.model.PositionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A fast reader for the block-style YAML that Kubernetes manifests are written in, straight to the
 * Jackson tree and positions that {@link ManifestLoader} builds from snakeyaml's node graph (composing
 * that graph costs more than all the rules of a typical lint together).
 *
 * <p>It accepts only a strict subset: block mappings and sequences (including {@code - key: v}
 * compact mappings and sequences at their key's indentation), plain scalars, one-line quoted scalars,
 * literal and folded block scalars, one-line flow collections, comments and {@code ---}/{@code ...}
 * separators, and plain scalars continued on more-indented lines. Anything else (anchors, aliases,
 * tags, complex keys, directives, multi-line flow or quoted scalars, tabs, carriage returns, unusual characters, duplicate keys, documents that are not
 * mappings, lists, anything close to a limit) makes it give up on the whole file: {@link #read}
 * returns null and the loader reads the file with snakeyaml, so every error and problem is reported
 * exactly as before. The results must be identical to snakeyaml's for every file it accepts;
 * {@code FastYamlReaderDifferentialTest} checks that.
 */
final class FastYamlReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** snakeyaml's YAML 1.1 implicit resolver, so plain scalars get exactly the tags they get there. */
    private static final Resolver RESOLVER = new Resolver();
    /** First characters snakeyaml's implicit resolvers look at; any other plain scalar is a string. */
    private static final String RESOLVABLE_FIRST = "yYnNtTfFoO-+0123456789.<~!&*";
    /** The words of snakeyaml's {@link Resolver#BOOL} and, with "~" and " ", {@link Resolver#NULL}. */
    static final Set<String> BOOL_WORDS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
            "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    static final Set<String> NULL_WORDS = Set.of("null", "Null", "NULL");
    /** Characters that cannot start a plain scalar (some can when a non-space follows, see {@link #plainMayStart}). */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    /** snakeyaml refuses simple keys longer than 1024 characters; stay well below. */
    private static final int MAX_KEY_CHARS = 1000;

    /** A document the reader accepted: a mapping that is not a {@code kind: *List}. */
    record Document(ObjectNode tree, PositionIndex positions) {
    }

    /** Thrown to give up on the file; carries no stack trace, it is control flow. */
    private static final class OutsideSubset extends RuntimeException {
        OutsideSubset() {
            super(null, null, false, false);
        }
    }

    private static final OutsideSubset OUTSIDE = new OutsideSubset();

    private enum Next { CONTENT, DOCUMENT_START, DOCUMENT_END, END }

    private final char[] buf;
    private final int length;
    private final LoaderLimits limits;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int nodes;

    private FastYamlReader(String text, LoaderLimits limits) {
        this.buf = text.toCharArray();
        this.length = buf.length;
        this.limits = limits;
    }

    /** The documents of {@code text}, or null when the text is outside the subset this reader handles. */
    static List<Document> read(String text, LoaderLimits limits) {
        if (text.length() >= limits.maxFileChars() / 2) {
            return null;
        }
        FastYamlReader reader = new FastYamlReader(text, limits);
        if (!reader.onlyPlainCharacters()) {
            return null;
        }
        try {
            return reader.documents();
        } catch (RuntimeException | StackOverflowError e) {
            // OutsideSubset, or a mistake in this reader, which must cost speed, never a file:
            // either way snakeyaml reads the text instead
            return null;
        }
    }

    /**
     * Line feeds and printable characters that count as one column each in snakeyaml: no tabs, CR,
     * NEL/LS/PS (line breaks to snakeyaml), BOM, surrogates (one column per code point there) or
     * control and non-printable characters (errors there).
     */
    private boolean onlyPlainCharacters() {
        for (int i = 0; i < length; i++) {
            char c = buf[i];
            if (c >= 0x20 && c < 0x7F || c == '\n') {
                continue;
            }
            if (c < 0xA0 || c >= 0xD800 && c < 0xE000 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
                return false;
            }
        }
        return true;
    }

    private List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        boolean implicitAllowed = true;
        while (true) {
            Next next = skipToContent();
            if (next == Next.END) {
                return documents;
            }
            int documentStart = lineStart;
            if (next == Next.DOCUMENT_END) {
                if (implicitAllowed) {
                    throw OUTSIDE; // '...' before any document: snakeyaml reports a syntax error
                }
                markerLine();
                Next after = skipToContent();
                if (after == Next.CONTENT) {
                    throw OUTSIDE; // snakeyaml wants an explicit '---' after '...'
                }
                implicitAllowed = false;
                continue;
            }
            if (next == Next.DOCUMENT_START) {
                markerLine();
                if (skipToContent() != Next.CONTENT) {
                    implicitAllowed = false;
                    continue; // an empty document
                }
            } else if (!implicitAllowed) {
                throw OUTSIDE;
            }
            implicitAllowed = false;
            Document document = document();
            if (skipToContent() == Next.CONTENT) {
                throw OUTSIDE; // something less indented than the root mapping
            }
            int documentEnd = pos >= length ? length : lineStart;
            if (documentEnd - documentStart >= limits.maxDocumentChars()) {
                throw OUTSIDE; // snakeyaml's path reports it
            }
            if (document != null) {
                documents.add(document);
            }
        }
    }

    /** One document whose first content character is at {@code pos}; null for a kind: *List. */
    private Document document() {
        nodes = 0;
        PositionIndex positions = new PositionIndex();
        PositionIndex.Entry root = positions.root(position());
        JsonNode tree = blockNode(-1, root, 0, false);
        if (!(tree instanceof ObjectNode object)) {
            throw OUTSIDE;
        }
        if (object.path("kind").asText("").endsWith("List") && object.get("items") instanceof ArrayNode) {
            throw OUTSIDE; // list items become objects of their own on the snakeyaml path
        }
        return new Document(object, positions);
    }

    // ---------------------------------------------------------------- block structure

    /**
     * A node starting at {@code pos}. {@code context} is the indentation of the innermost enclosing
     * block collection (snakeyaml's scanner indent), which block scalars are relative to.
     * {@code afterKey}: the node follows "key:" on the same line, where a collection cannot start.
     */
    private JsonNode blockNode(int context, PositionIndex.Entry at, int depth, boolean afterKey) {
        countNode(depth);
        char c = buf[pos];
        int column = pos - lineStart;
        if (c == '-' && blankAt(pos + 1)) {
            if (afterKey) {
                throw OUTSIDE;
            }
            return sequence(column, at, depth);
        }
        if (c == '|' || c == '>') {
            return JSON.textNode(blockScalar(context));
        }
        if (c == '[' || c == '{') {
            JsonNode flow = flowNode(at, depth);
            endLine();
            return flow;
        }
        int start = pos;
        if (c == '"' || c == '\'') {
            String value = quoted();
            if (isKeyColon(pos)) {
                return mappingHere(start, column, at, depth, afterKey);
            }
            endLine();
            return JSON.textNode(value);
        }
        int end = plainEnd();
        if (end < length && buf[end] == ':') {
            return mappingHere(start, column, at, depth, afterKey);
        }
        String value = trimEnd(start, end);
        pos = end;
        skipSpaces();
        if (pos < length && buf[pos] == '\n') {
            value = continuedPlain(value, context);
        } else {
            endLine();
        }
        return plainScalar(value, at);
    }

    /**
     * A plain scalar continued on more-indented lines (as controller-gen writes CRD descriptions),
     * folded as snakeyaml's {@code scanPlain} does: a line break becomes a space, n empty lines n line
     * feeds. {@code pos} is at the line feed after the first line and ends at the start of the line
     * after the scalar. Continuation lines that would end the scalar early or start another token
     * (a key's colon, a comment, an indicator first) give up.
     */
    private String continuedPlain(String first, int context) {
        StringBuilder value = null;
        while (true) {
            newLine();
            int breaks = 0;
            skipSpaces();
            while (pos < length && buf[pos] == '\n') {
                breaks++;
                newLine();
                skipSpaces();
            }
            if (pos >= length || pos - lineStart <= context || buf[pos] == '#') {
                if (pos < length) {
                    pos = lineStart; // the next token is on this line, after spaces (or a comment)
                } else {
                    lineStart = length;
                }
                return value == null ? first : value.toString();
            }
            if (INDICATORS.indexOf(buf[pos]) >= 0) {
                throw OUTSIDE;
            }
            int start = pos;
            int end = lineEnd(pos);
            for (int p = start; p < end; p++) {
                if (buf[p] == ':' && blankAt(p + 1) || buf[p] == ' ' && p + 1 < end && buf[p + 1] == '#') {
                    throw OUTSIDE;
                }
            }
            if (value == null) {
                value = new StringBuilder(first);
            }
            value.append(breaks == 0 ? " " : "\n".repeat(breaks));
            value.append(trimEnd(start, end));
            pos = end;
            if (pos >= length) {
                lineStart = length;
                return value.toString();
            }
        }
    }

    private JsonNode mappingHere(int start, int column, PositionIndex.Entry at, int depth, boolean afterKey) {
        if (afterKey) {
            throw OUTSIDE; // "a: b: c"
        }
        pos = start;
        return mapping(column, at, depth);
    }

    /** A block mapping whose keys are at {@code indent}; {@code pos} is at its first key. */
    private ObjectNode mapping(int indent, PositionIndex.Entry at, int depth) {
        ObjectNode out = JSON.objectNode();
        while (true) {
            Position keyPosition = position();
            String key = key();
            if (out.has(key) || key.equals("<<")) {
                throw OUTSIDE; // duplicate and merge keys: snakeyaml's path reports or merges them
            }
            PositionIndex.Entry field = at.field(key, keyPosition);
            out.set(key, mappingValue(indent, field, depth + 1));
            if (skipToContent() != Next.CONTENT) {
                return out;
            }
            int column = pos - lineStart;
            if (column < indent) {
                return out;
            }
            if (column > indent || sequenceEntryAt(pos)) {
                throw OUTSIDE;
            }
        }
    }

    /** The value after "key:" ({@code pos} just after the colon). */
    private JsonNode mappingValue(int indent, PositionIndex.Entry at, int depth) {
        skipSpaces();
        if (pos < length && buf[pos] != '\n' && buf[pos] != '#') {
            return blockNode(indent, at, depth, true);
        }
        endLine();
        if (skipToContent() == Next.CONTENT) {
            int column = pos - lineStart;
            if (column > indent) {
                return blockNode(indent, at, depth, false);
            }
            if (column == indent && sequenceEntryAt(pos)) {
                countNode(depth);
                return sequence(indent, at, depth); // "key:\n- item", the usual Kubernetes style
            }
        }
        countNode(depth);
        return JSON.nullNode();
    }

    /** A block sequence whose dashes are at {@code indent}; {@code pos} is at the first dash. */
    private ArrayNode sequence(int indent, PositionIndex.Entry at, int depth) {
        ArrayNode out = JSON.arrayNode();
        for (int i = 0;; i++) {
            pos++; // the dash
            Position afterDash = position();
            skipSpaces();
            JsonNode item;
            if (pos < length && buf[pos] != '\n' && buf[pos] != '#') {
                item = blockNode(indent, at.item(i, position()), depth + 1, false);
            } else {
                endLine();
                if (skipToContent() == Next.CONTENT && pos - lineStart > indent) {
                    item = blockNode(indent, at.item(i, position()), depth + 1, false);
                } else {
                    countNode(depth + 1);
                    at.item(i, afterDash); // snakeyaml puts an empty item just after its dash
                    item = JSON.nullNode();
                }
            }
            out.add(item);
            if (skipToContent() != Next.CONTENT) {
                return out;
            }
            int column = pos - lineStart;
            if (column < indent || column == indent && !sequenceEntryAt(pos)) {
                return out; // the enclosing collection decides whether that is valid
            }
            if (column > indent) {
                throw OUTSIDE;
            }
        }
    }

    /** A mapping key and its colon; {@code pos} ends just after the colon. */
    private String key() {
        int start = pos;
        String key;
        char c = buf[pos];
        if (c == '"' || c == '\'') {
            key = quoted();
            if (!isKeyColon(pos)) {
                throw OUTSIDE;
            }
        } else {
            int end = plainEnd();
            if (end >= length || buf[end] != ':' || buf[end - 1] == ' ') {
                throw OUTSIDE;
            }
            key = CanonicalStrings.key(buf, start, end);
            pos = end;
        }
        if (pos - start > MAX_KEY_CHARS) {
            throw OUTSIDE;
        }
        pos++; // the colon
        return key;
    }

    /**
     * End of the one-line plain scalar at {@code pos}: the offset of a key's colon (a colon followed by
     * a blank), else of the comment or line end (trailing spaces not trimmed). Gives up if the scalar
     * cannot start here.
     */
    private int plainEnd() {
        if (!plainMayStart(pos)) {
            throw OUTSIDE;
        }
        int p = pos;
        while (p < length) {
            char c = buf[p];
            if (c == '\n' || c == ':' && blankAt(p + 1) || c == ' ' && p + 1 < length && buf[p + 1] == '#') {
                return p;
            }
            p++;
        }
        return p;
    }

    private boolean plainMayStart(int at) {
        char c = buf[at];
        if (c == ' ' || c == '\n') {
            return false;
        }
        if (INDICATORS.indexOf(c) < 0) {
            return true;
        }
        return (c == '-' || c == '?' || c == ':') && !blankAt(at + 1);
    }

    private JsonNode plainScalar(String value, PositionIndex.Entry at) {
        Tag tag = tagOf(value);
        if (tag.equals(Tag.MERGE) || tag.equals(Tag.YAML)) {
            throw OUTSIDE;
        }
        JsonNode node = ManifestLoader.scalar(value, tag);
        if (!node.isTextual() && !node.isNull()) {
            at.plainScalar(value);
        }
        return node;
    }

    /**
     * The tag snakeyaml's implicit resolver gives a plain scalar, without its regular expressions for
     * the common cases: words that can only be strings, booleans or null, and decimal integers.
     */
    static Tag tagOf(String value) {
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        char first = value.charAt(0);
        if (RESOLVABLE_FIRST.indexOf(first) < 0) {
            return Tag.STR;
        }
        if (Character.isLetter(first)) { // only the BOOL and NULL resolvers start with letters
            return BOOL_WORDS.contains(value) ? Tag.BOOL : NULL_WORDS.contains(value) ? Tag.NULL : Tag.STR;
        }
        if (isDecimal(value)) {
            return Tag.INT;
        }
        return resolved(value);
    }

    /** What snakeyaml's resolver made of a recent short text (lossy, fixed size; see {@link CanonicalStrings}). */
    private record ResolvedTag(String value, Tag tag) {
    }

    /**
     * Texts such as {@code 100m}, {@code 256Mi} or {@code 25%} recur in every manifest and go through
     * several of the resolver's regular expressions each time; their tags are kept instead.
     */
    private static final ResolvedTag[] RESOLVED = new ResolvedTag[1 << 10];
    private static final int RESOLVED_MAX_CHARS = 64;

    private static Tag resolved(String value) {
        if (value.length() > RESOLVED_MAX_CHARS) {
            return RESOLVER.resolve(NodeId.scalar, value, true);
        }
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 15)) & (RESOLVED.length - 1);
        ResolvedTag known = RESOLVED[slot];
        if (known != null && known.value().equals(value)) {
            return known.tag();
        }
        Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
        RESOLVED[slot] = new ResolvedTag(value, tag);
        return tag;
    }

    /** {@code 0} or digits without a leading zero, short enough for snakeyaml's INT resolver. */
    private static boolean isDecimal(String value) {
        int n = value.length();
        if (n > 1000 || value.charAt(0) == '0' && n > 1) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- scalars

    /** A single- or double-quoted scalar on one line; {@code pos} ends after the closing quote. */
    private String quoted() {
        char quote = buf[pos++];
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= length) {
                throw OUTSIDE;
            }
            char c = buf[pos];
            if (c == '\n') {
                throw OUTSIDE; // multi-line quoted scalars fold lines: left to snakeyaml
            }
            if (c == quote) {
                if (quote == '\'' && pos + 1 < length && buf[pos + 1] == '\'') {
                    sb = append(sb, start, pos + 1);
                    pos += 2;
                    start = pos;
                    continue;
                }
                String value = sb == null ? CanonicalStrings.value(buf, start, pos) : append(sb, start, pos).toString();
                pos++;
                return value;
            }
            if (c == '\\' && quote == '"') {
                sb = append(sb, start, pos);
                pos++;
                escape(sb);
                start = pos;
                continue;
            }
            pos++;
        }
    }

    private StringBuilder append(StringBuilder sb, int from, int to) {
        StringBuilder out = sb == null ? new StringBuilder() : sb;
        return out.append(buf, from, to - from);
    }

    /** The escapes snakeyaml 2.x knows ({@code ScannerImpl.ESCAPE_REPLACEMENTS} and codes). */
    private void escape(StringBuilder sb) {
        if (pos >= length) {
            throw OUTSIDE;
        }
        char c = buf[pos++];
        switch (c) {
            case '0' -> sb.append('\0');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'v' -> sb.append('\u000B');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case 'e' -> sb.append('\u001B');
            case ' ' -> sb.append(' ');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'N' -> sb.append('\u0085');
            case '_' -> sb.append('\u00A0');
            case 'L' -> sb.append('\u2028');
            case 'P' -> sb.append('\u2029');
            case 'x' -> sb.appendCodePoint(hex(2));
            case 'u' -> sb.appendCodePoint(hex(4));
            case 'U' -> sb.appendCodePoint(hex(8));
            default -> throw OUTSIDE;
        }
    }

    private int hex(int digits) {
        if (pos + digits > length) {
            throw OUTSIDE;
        }
        long value = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(buf[pos + i], 16);
            if (d < 0) {
                throw OUTSIDE;
            }
            value = value * 16 + d;
        }
        if (value > Character.MAX_CODE_POINT || value >= 0xD800 && value < 0xE000) {
            throw OUTSIDE;
        }
        pos += digits;
        return (int) value;
    }

    /**
     * A literal ({@code |}) or folded ({@code >}) block scalar, a port of snakeyaml's
     * {@code ScannerImpl.scanBlockScalar} for line-feed-only text. {@code pos} ends at the start of
     * the first line after it.
     */
    private String blockScalar(int context) {
        boolean folded = buf[pos++] == '>';
        int chomping = 0; // -1 strip, 0 clip, +1 keep
        int increment = -1;
        for (int i = 0; i < 2 && pos < length; i++) {
            char c = buf[pos];
            if ((c == '-' || c == '+') && chomping == 0) {
                chomping = c == '-' ? -1 : 1;
                pos++;
            } else if (c >= '1' && c <= '9' && increment < 0) {
                increment = c - '0';
                pos++;
            }
        }
        if (pos < length && buf[pos] != ' ' && buf[pos] != '\n') {
            throw OUTSIDE;
        }
        endLine();
        int minIndent = Math.max(context + 1, 1);
        int indent;
        String breaks;
        if (increment < 0) {
            StringBuilder leading = new StringBuilder();
            int maxIndent = 0;
            while (pos < length && (buf[pos] == ' ' || buf[pos] == '\n')) {
                if (buf[pos] == ' ') {
                    pos++;
                    maxIndent = Math.max(maxIndent, pos - lineStart);
                } else {
                    leading.append('\n');
                    newLine();
                }
            }
            indent = Math.max(minIndent, maxIndent);
            breaks = leading.toString();
        } else {
            indent = minIndent + increment - 1;
            breaks = blockBreaks(indent);
        }
        StringBuilder chunks = new StringBuilder();
        String lineBreak = "";
        while (pos - lineStart == indent && pos < length) {
            chunks.append(breaks);
            boolean leadingNonSpace = buf[pos] != ' ';
            int end = lineEnd(pos);
            chunks.append(buf, pos, end - pos);
            pos = end;
            lineBreak = "";
            if (pos < length) {
                lineBreak = "\n";
                newLine();
            }
            breaks = blockBreaks(indent);
            if (pos - lineStart == indent && pos < length) {
                if (folded && lineBreak.equals("\n") && leadingNonSpace && buf[pos] != ' ') {
                    if (breaks.isEmpty()) {
                        chunks.append(' ');
                    }
                } else {
                    chunks.append(lineBreak);
                }
            } else {
                break;
            }
        }
        if (chomping >= 0) {
            chunks.append(lineBreak);
        }
        if (chomping > 0) {
            chunks.append(breaks);
        }
        if (pos < length) {
            pos = lineStart; // what precedes pos on this line is spaces: let the caller find the next token
        } else {
            lineStart = length;
        }
        return chunks.toString();
    }

    /** snakeyaml's {@code scanBlockScalarBreaks}: empty lines up to {@code indent}, as line feeds. */
    private String blockBreaks(int indent) {
        StringBuilder chunks = new StringBuilder();
        while (pos - lineStart < indent && pos < length && buf[pos] == ' ') {
            pos++;
        }
        while (pos < length && buf[pos] == '\n') {
            chunks.append('\n');
            newLine();
            while (pos - lineStart < indent && pos < length && buf[pos] == ' ') {
                pos++;
            }
        }
        return chunks.toString();
    }

    // ---------------------------------------------------------------- flow collections on one line

    private JsonNode flowNode(PositionIndex.Entry at, int depth) {
        boolean sequence = buf[pos++] == '[';
        char close = sequence ? ']' : '}';
        JsonNode out = sequence ? JSON.arrayNode() : JSON.objectNode();
        skipSpaces();
        if (peek() == close) {
            pos++;
            return out;
        }
        for (int i = 0;; i++) {
            if (sequence) {
                ((ArrayNode) out).add(flowItem(at.item(i, position()), depth + 1));
            } else {
                ObjectNode map = (ObjectNode) out;
                Position keyPosition = position();
                String key = flowKey();
                if (map.has(key) || key.equals("<<")) {
                    throw OUTSIDE;
                }
                skipSpaces();
                map.set(key, flowItem(at.field(key, keyPosition), depth + 1));
            }
            skipSpaces();
            char c = peek();
            if (c == close) {
                pos++;
                return out;
            }
            if (c != ',') {
                throw OUTSIDE;
            }
            pos++;
            skipSpaces();
            if (peek() == close) {
                throw OUTSIDE; // a trailing comma
            }
        }
    }

    private JsonNode flowItem(PositionIndex.Entry at, int depth) {
        countNode(depth);
        char c = peek();
        if (c == '[' || c == '{') {
            return flowNode(at, depth);
        }
        if (c == '"' || c == '\'') {
            return JSON.textNode(quoted());
        }
        int start = pos;
        pos = flowPlainEnd();
        return plainScalar(CanonicalStrings.value(buf, start, pos), at);
    }

    /** A flow mapping key, quoted or plain, and its colon and the space after it. */
    private String flowKey() {
        char c = peek();
        String key;
        if (c == '"' || c == '\'') {
            key = quoted();
        } else {
            int start = pos;
            pos = flowPlainEnd();
            key = CanonicalStrings.key(buf, start, pos);
        }
        if (peek() != ':' || pos + 1 >= length || buf[pos + 1] != ' ') {
            throw OUTSIDE;
        }
        pos++;
        return key;
    }

    /**
     * End of a plain scalar inside a flow collection. Only single words are accepted: the scalar
     * ends at a space, comma, closing bracket or a colon followed by one of those (snakeyaml's rule in
     * flow context); anything ambiguous gives up.
     */
    private int flowPlainEnd() {
        // in flow context snakeyaml starts no plain scalar with '?' or ':' ({:a: b} is an error there)
        if (pos >= length || !plainMayStart(pos) || buf[pos] == '?' || buf[pos] == ':'
                || buf[pos] == '-' && pos + 1 < length && ",[]{}".indexOf(buf[pos + 1]) >= 0) {
            throw OUTSIDE;
        }
        int p = pos;
        while (p < length) {
            char c = buf[p];
            if (c == ':' && p + 1 < length && " \n,[]{}".indexOf(buf[p + 1]) < 0) {
                p++; // "image: nginx:1.25": a colon not followed by a blank or an indicator is text
                continue;
            }
            if (c == ' ' || c == ',' || c == ']' || c == '}' || c == ':') {
                break;
            }
            if (c == '\n' || c == '[' || c == '{' || c == '#' || c == '?' || c == '"' || c == '\'') {
                throw OUTSIDE;
            }
            p++;
        }
        int after = p;
        while (after < length && buf[after] == ' ') {
            after++;
        }
        char next = after < length ? buf[after] : '\n';
        if (next != ',' && next != ']' && next != '}' && !(next == ':' && after == p)) {
            throw OUTSIDE; // several words, or a colon that is not a key's
        }
        return p;
    }

    // ---------------------------------------------------------------- lines and positions

    /**
     * Moves to the next content character unless already there, skipping blank and comment lines.
     * Document markers at column 0 are reported (and not consumed).
     */
    private Next skipToContent() {
        if (pos > lineStart) {
            return Next.CONTENT;
        }
        while (pos < length) {
            if (marker('-') || marker('.')) {
                if (!blankAt(pos + 3)) {
                    throw OUTSIDE;
                }
                return buf[pos] == '-' ? Next.DOCUMENT_START : Next.DOCUMENT_END;
            }
            int p = pos;
            while (p < length && buf[p] == ' ') {
                p++;
            }
            if (p >= length) {
                pos = length;
                lineStart = length;
                return Next.END;
            }
            char c = buf[p];
            if (c != '\n' && c != '#') {
                pos = p;
                return Next.CONTENT;
            }
            pos = lineEnd(p);
            if (pos >= length) {
                lineStart = length;
                return Next.END;
            }
            newLine();
        }
        return Next.END;
    }

    /** A {@code ---} or {@code ...} line: nothing may follow the marker but spaces. */
    private void markerLine() {
        pos += 3;
        skipSpaces();
        if (pos < length && buf[pos] != '\n') {
            throw OUTSIDE;
        }
        if (pos < length) {
            newLine();
        } else {
            lineStart = pos;
        }
    }

    /** After a node: spaces, an optional comment, then the line feed (consumed) or the end. */
    private void endLine() {
        skipSpaces();
        if (pos < length && buf[pos] == '#') {
            if (pos > lineStart && buf[pos - 1] != ' ') {
                throw OUTSIDE; // "value#x": not a comment in every context
            }
            pos = lineEnd(pos);
        }
        if (pos >= length) {
            lineStart = length;
            return;
        }
        if (buf[pos] != '\n') {
            throw OUTSIDE;
        }
        newLine();
    }

    /** {@code pos} is at a line feed: step over it. */
    private void newLine() {
        pos++;
        line++;
        lineStart = pos;
    }

    /** Offset of the line feed ending the line at {@code from}, or the end of the text. */
    private int lineEnd(int from) {
        int p = from;
        while (p < length && buf[p] != '\n') {
            p++;
        }
        return p;
    }

    /** Three {@code c} at {@code pos} (a line start): a document marker if a blank follows. */
    private boolean marker(char c) {
        return pos + 2 < length && buf[pos] == c && buf[pos + 1] == c && buf[pos + 2] == c;
    }

    private void skipSpaces() {
        while (pos < length && buf[pos] == ' ') {
            pos++;
        }
    }

    private char peek() {
        return pos < length ? buf[pos] : '\n';
    }

    private boolean blankAt(int at) {
        return at >= length || buf[at] == ' ' || buf[at] == '\n';
    }

    private boolean sequenceEntryAt(int at) {
        return buf[at] == '-' && blankAt(at + 1);
    }

    private boolean isKeyColon(int at) {
        return at < length && buf[at] == ':' && blankAt(at + 1);
    }

    private String trimEnd(int start, int end) {
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        return CanonicalStrings.value(buf, start, end);
    }

    private Position position() {
        return new Position(line, pos - lineStart + 1);
    }

    /** Stays clear of the node and depth limits, which the snakeyaml path reports. */
    private void countNode(int depth) {
        if (++nodes >= limits.maxNodes() / 2 || depth >= limits.maxDepth() / 2) {
            throw OUTSIDE;
        }
    }
}
