package dev.palisade.rules.resources;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.engine.RuleInfo.Param;
import dev.palisade.engine.RuleInfo.ParamType;
import dev.palisade.model.Quantity;
import dev.palisade.model.QuantityFields;
import dev.palisade.model.Severity;
import java.util.Optional;

@RuleInfo(id = "resources-suspicious-quantity", severity = Severity.WARNING, category = "resources",
        summary = "A valid but implausible amount: memory or storage in milli-units (500m is half a byte) or "
                + "below a minimum (256 is 256 bytes), CPU with a binary suffix, or CPU or memory above a maximum.",
        remediation = "Write memory and storage with Mi/Gi (or M/G) suffixes and CPU in cores or millicores "
                + "(500m); if a large amount is intended, raise the rule's maxCpu or maxMemory parameter.",
        params = {
            @Param(name = "maxCpu", type = ParamType.STRING, defaultValue = "64",
                    description = "Largest plausible CPU request or limit of one container, as a quantity."),
            @Param(name = "maxMemory", type = ParamType.STRING, defaultValue = "512Gi",
                    description = "Largest plausible memory request or limit of one container, as a quantity."),
            @Param(name = "minMemory", type = ParamType.STRING, defaultValue = "1Mi",
                    description = "Smallest plausible non-zero memory or storage amount, as a quantity.")
        })
public final class SuspiciousQuantity implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        Quantity minBytes = param(ctx, "minMemory");
        for (QuantityFields.Entry e : QuantityFields.of(ctx.object())) {
            Optional<Quantity> parsed = Quantity.of(e.value());
            if (parsed.isEmpty() || parsed.get().negative()) {
                continue; // resources-quantity-invalid reports these
            }
            Quantity q = parsed.get();
            String resource = baseName(e.resource());
            if (isBytes(resource)) {
                checkBytes(ctx, e, q, minBytes);
            } else if (resource.equals("cpu") && q.binary()) {
                ctx.report(e.path(), "cpu " + q.text() + " uses a binary suffix: " + q.value().toPlainString()
                        + " cores; write cores (2) or millicores (500m)");
            }
        }
        Quantity maxCpu = param(ctx, "maxCpu");
        Quantity maxMemory = param(ctx, "maxMemory");
        for (ContainerResources c : ContainerResources.of(ctx.object())) {
            checkMax(ctx, c, "cpu", maxCpu, "maxCpu");
            checkMax(ctx, c, "memory", maxMemory, "maxMemory");
        }
    }

    private static void checkBytes(ObjectContext ctx, QuantityFields.Entry e, Quantity q, Quantity minBytes) {
        if (q.value().signum() == 0) {
            return;
        }
        String name = e.resource();
        if (q.suffix().equals("m") || q.suffix().equals("u") || q.suffix().equals("n")) {
            ctx.report(e.path(), name + " " + q.text() + " is " + q.value().stripTrailingZeros().toPlainString()
                    + " bytes ('" + q.suffix() + "' is milli/micro/nano, not mega); did you mean "
                    + q.text().substring(0, q.text().length() - 1) + "Mi?");
        } else if (q.compareTo(minBytes) < 0) {
            ctx.report(e.path(), name + " " + q.text() + " is " + q.value().stripTrailingZeros().toPlainString()
                    + " bytes, below " + minBytes.text() + "; did you forget a suffix such as Mi or Gi?");
        }
    }

    private static void checkMax(ObjectContext ctx, ContainerResources c, String resource, Quantity max, String param) {
        c.request(resource).filter(q -> q.compareTo(max) > 0).ifPresent(q -> ctx.report(c.requestPath(resource),
                tooLarge(c, "requests", resource, q, max, param)));
        c.limit(resource).filter(q -> q.compareTo(max) > 0).ifPresent(q -> ctx.report(c.limitPath(resource),
                tooLarge(c, "limits", resource, q, max, param)));
    }

    private static String tooLarge(ContainerResources c, String field, String resource, Quantity q, Quantity max,
            String param) {
        return c.describe() + " " + field + " " + resource + " " + q.text() + ", more than the plausible maximum "
                + max.text() + " (parameter " + param + "); check the unit";
    }

    /** ResourceQuota names amounts {@code requests.memory}, {@code limits.cpu}; the unit is that of the suffix. */
    private static String baseName(String resource) {
        for (String prefix : new String[] {"requests.", "limits."}) {
            if (resource.startsWith(prefix)) {
                return resource.substring(prefix.length());
            }
        }
        return resource;
    }

    private static boolean isBytes(String resource) {
        return resource.equals("memory") || resource.equals("storage") || resource.equals("ephemeral-storage")
                || resource.startsWith("hugepages-");
    }

    private static Quantity param(ObjectContext ctx, String name) {
        String text = ctx.params().string(name);
        return Quantity.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "parameter " + name + " is not a quantity: '" + text + "'"));
    }
}
