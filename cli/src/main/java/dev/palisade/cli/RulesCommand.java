package dev.palisade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.engine.RuleCatalog;
import dev.palisade.engine.RuleMeta;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code palisade rules}: the catalog, for people (a table) or scripts (JSON). */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule: id, severity, category, enabled by default, summary.")
final class RulesCommand implements Callable<Integer> {
    enum RulesFormat { TEXT, JSON }

    @ParentCommand
    Main main;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    RulesFormat format;

    @Override
    public Integer call() throws Exception {
        List<RuleMeta> metas = RuleCatalog.load().metas();
        if (format == RulesFormat.JSON) {
            main.env.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(metas)));
            return 0;
        }
        int idWidth = metas.stream().mapToInt(m -> m.id().length()).max().orElse(2);
        int catWidth = metas.stream().mapToInt(m -> m.category().length()).max().orElse(8);
        String row = "%-" + idWidth + "s  %-8s  %-" + catWidth + "s  %-7s  %s%n";
        main.env.out().printf(row, "ID", "SEVERITY", "CATEGORY", "ENABLED", "SUMMARY");
        for (RuleMeta m : metas) {
            main.env.out().printf(row, m.id(), m.severity().label(), m.category(), m.enabledByDefault() ? "yes" : "no", m.summary());
        }
        return 0;
    }

    static ArrayNode toJson(List<RuleMeta> metas) {
        ArrayNode out = new ObjectMapper().createArrayNode();
        for (RuleMeta m : metas) {
            ObjectNode n = out.addObject();
            n.put("id", m.id());
            n.put("severity", m.severity().label());
            n.put("category", m.category());
            n.put("enabled", m.enabledByDefault());
            n.put("summary", m.summary());
            n.put("remediation", m.remediation());
            n.put("docs", m.docs());
            ArrayNode params = n.putArray("params");
            for (RuleMeta.ParamMeta p : m.params()) {
                params.addObject().put("name", p.name()).put("type", p.type().name().toLowerCase(java.util.Locale.ROOT))
                        .put("default", p.defaultValue()).put("description", p.description());
            }
        }
        return out;
    }
}
