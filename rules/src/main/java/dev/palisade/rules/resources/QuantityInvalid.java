package dev.palisade.rules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Quantity;
import dev.palisade.model.QuantityFields;
import dev.palisade.model.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(id = "resources-quantity-invalid", severity = Severity.ERROR, category = "resources",
        summary = "A resource amount (request, limit, claim size, quota, LimitRange value, emptyDir sizeLimit) "
                + "is not a Kubernetes quantity, or is negative; the API server rejects the object.",
        remediation = "Write a number with an optional suffix: 500m or 2 for CPU; 512Mi, 1Gi (powers of 1024) "
                + "or 500M, 1G (powers of 1000) for memory and storage.")
public final class QuantityInvalid implements ObjectRule {
    /** Units people write from habit ({@code 1GB}, {@code 512mb}, {@code 1gi}), mapped to what they meant. */
    private static final Pattern UNIT_TYPO = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtTpPeE])(i?)([bB]?)");
    private static final Map<Character, String> PREFIX = Map.of('K', "k", 'M', "M", 'G', "G", 'T', "T", 'P', "P", 'E', "E");

    @Override
    public void check(ObjectContext ctx) {
        for (QuantityFields.Entry e : QuantityFields.of(ctx.object())) {
            JsonNode v = e.value();
            if (v.isNull()) {
                continue; // the API reads null as "not set"
            }
            Optional<Quantity> q = Quantity.of(v);
            if (q.isEmpty()) {
                String hint = hint(v);
                ctx.report(e.path(), e.resource() + ": " + show(v) + " is not a Kubernetes quantity"
                        + (hint.isEmpty() ? example(e.resource()) : hint));
            } else if (q.get().negative()) {
                ctx.report(e.path(), e.resource() + ": " + q.get().text() + " is negative; amounts must be 0 or more");
            }
        }
    }

    private static String show(JsonNode v) {
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        return v.isContainerNode() ? "a " + (v.isArray() ? "list" : "map") : v.toString();
    }

    /** What to write instead when no likely intent can be read from the value. */
    private static String example(String resource) {
        return "cpu".equals(resource) ? "; write cores or millicores, e.g. 500m or 2"
                : "; write a number with a unit, e.g. 512Mi or 1Gi";
    }

    /** Suggests the quantity someone writing {@code 1GB} or {@code 1gi} most likely meant. */
    static String hint(JsonNode v) {
        if (!v.isTextual()) {
            return "";
        }
        Matcher m = UNIT_TYPO.matcher(v.asText().trim());
        if (!m.matches()) {
            return "";
        }
        String number = m.group(1);
        char unit = Character.toUpperCase(m.group(2).charAt(0));
        String decimal = number + PREFIX.get(unit);
        String binary = number + unit + "i";
        if (!m.group(3).isEmpty()) {
            return "; did you mean " + binary + "?";
        }
        return "; did you mean " + binary + " (powers of 1024) or " + decimal + " (powers of 1000)?";
    }
}
