package dev.palisade.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.Severity;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

@RuleInfo(id = "secret-data-not-base64", severity = Severity.ERROR, category = "config",
        summary = "A Secret's data value is not valid base64 (the API server rejects it), usually a plain-text "
                + "value written under data instead of stringData.",
        remediation = "Base64-encode the value (printf %s value | base64), or move the plain text to stringData.")
public final class SecretDataNotBase64 implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ManifestObject o = ctx.object();
        if (!"Secret".equals(o.kind()) || !o.ref().group().isEmpty()) {
            return;
        }
        JsonNode data = o.tree().path("data");
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            String path = JsonPath.child("data", field.getKey());
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                ctx.report(path, "data '" + field.getKey() + "' is a " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", not a base64 string; quote and base64-encode it, or move it to stringData");
            } else if (!isBase64(value.asText())) {
                ctx.report(path, "data '" + field.getKey() + "' is not valid base64; base64-encode it, or move "
                        + "the plain text to stringData");
            }
        }
    }

    /** Standard base64 with padding, as Go's decoder reads it (line breaks ignored). */
    static boolean isBase64(String text) {
        String s = text.replace("\r", "").replace("\n", "");
        if (s.length() % 4 != 0) {
            return false;
        }
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
