package dev.palisade.rules.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import java.util.regex.Pattern;

@RuleInfo(id = "service-externalname-invalid", severity = Severity.ERROR, category = "services",
        summary = "An ExternalName Service without a valid DNS name (missing, a URL, upper case, host:port, an "
                + "IP address that DNS will not resolve as a CNAME), with a clusterIP or IP-family fields the API server rejects, "
                + "or with a selector that it ignores; or an externalName on a Service of another type.",
        remediation = "Set externalName to a lower-case host name such as db.example.com, leave clusterIP and "
                + "selector out; to reach an IP address use a Service without selector and an EndpointSlice.")
public final class ServiceExternalNameInvalid implements ObjectRule {
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final int MAX_SUBDOMAIN_LENGTH = 253;

    @Override
    public void check(ObjectContext ctx) {
        if (!ServiceSpecs.isService(ctx.object())) {
            return;
        }
        JsonNode spec = ServiceSpecs.spec(ctx.object());
        JsonNode externalName = spec.path("externalName");
        String type = ServiceSpecs.type(ctx.object()).orElse("");
        if (!type.equals(ServiceSpecs.EXTERNAL_NAME)) {
            if (!type.isEmpty() && externalName.isTextual() && !externalName.asText().isEmpty()) {
                ctx.report("spec.externalName", "externalName is ignored on a " + type
                        + " Service; add type: ExternalName or remove it");
            }
            return;
        }
        String name = externalName.isValueNode() ? externalName.asText() : "";
        if (name.isEmpty()) {
            ctx.report("spec.externalName", "an ExternalName Service needs spec.externalName, the DNS name it "
                    + "aliases (e.g. db.example.com)");
        } else {
            String problem = problem(name);
            if (problem != null) {
                ctx.report("spec.externalName", "externalName '" + name + "' " + problem);
            }
        }
        JsonNode clusterIp = spec.path("clusterIP");
        if (clusterIp.isTextual() && !clusterIp.asText().isEmpty()) {
            ctx.report("spec.clusterIP", "clusterIP may not be set on an ExternalName Service (not even None); "
                    + "remove it");
        } else if (spec.path("clusterIPs").isArray() && !spec.path("clusterIPs").isEmpty()) {
            ctx.report("spec.clusterIPs", "clusterIPs may not be set on an ExternalName Service; remove them");
        }
        if (spec.path("ipFamilies").isArray() && !spec.path("ipFamilies").isEmpty()) {
            ctx.report("spec.ipFamilies", "ipFamilies may not be set on an ExternalName Service; remove them");
        }
        if (spec.path("ipFamilyPolicy").isTextual()) {
            ctx.report("spec.ipFamilyPolicy", "ipFamilyPolicy may not be set on an ExternalName Service; remove it");
        }
        JsonNode selector = spec.path("selector");
        if (selector.isObject() && !selector.isEmpty()) {
            ctx.report("spec.selector", "an ExternalName Service ignores its selector (DNS answers with a CNAME to "
                    + name + "); remove the selector, or use type ClusterIP to reach the selected pods");
        }
    }

    /** Why the name is not a usable CNAME target, or null when it is. */
    static String problem(String name) {
        if (name.contains("://")) {
            return "is a URL; write only the host name (e.g. " + hostOf(name) + ")";
        }
        String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name; // a trailing dot is fine
        long colons = host.chars().filter(c -> c == ':').count();
        if (colons == 1) {
            return "contains a port; write only the host name and put the port in spec.ports";
        }
        if (IPV4.matcher(host).matches() || colons > 1) { // several colons: an IPv6 address
            return "is an IP address, which DNS does not resolve as a CNAME; use a Service without selector and an "
                    + "EndpointSlice holding the address";
        }
        if (host.length() > MAX_SUBDOMAIN_LENGTH || !DNS_SUBDOMAIN.matcher(host).matches()) {
            return !host.equals(host.toLowerCase(java.util.Locale.ROOT)) && DNS_SUBDOMAIN.matcher(
                    host.toLowerCase(java.util.Locale.ROOT)).matches()
                    ? "must be lower case: " + host.toLowerCase(java.util.Locale.ROOT)
                    : "is not a valid DNS name (lower-case letters, digits, '-' and '.', at most 253 characters)";
        }
        return null;
    }

    private static String hostOf(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = rest.length();
        for (char c : new char[] {'/', ':', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return rest.substring(0, end);
    }
}
