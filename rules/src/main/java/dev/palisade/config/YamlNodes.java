package dev.palisade.config;

import dev.palisade.model.Position;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reading values out of the configuration's YAML nodes, shared by the config loader and user rules. */
public final class YamlNodes {
    private YamlNodes() {
    }

    /** A scalar's text, or null for a null value or a non-scalar. */
    public static String scalar(Node node) {
        return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue() : null;
    }

    /** A single string or a list of strings as a list; null when the node is neither. */
    public static List<String> stringList(Node node) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return List.of(s.getValue());
        }
        if (!(node instanceof SequenceNode seq)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            if (!(n instanceof ScalarNode s)) {
                return null;
            }
            out.add(s.getValue());
        }
        return out;
    }

    public static Position position(Node node) {
        return new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** The "line L, column C: " prefix of a configuration problem. */
    public static String at(Node node) {
        return at(position(node));
    }

    public static String at(Position p) {
        return "line " + p.line() + ", column " + p.column() + ": ";
    }
}
