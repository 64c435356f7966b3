package dev.palisade.rules.config;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodTemplateView.ContainerAt;
import dev.palisade.model.Severity;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

@RuleInfo(id = "env-secret-literal", severity = Severity.WARNING, category = "config",
        summary = "An environment variable holds a secret as a literal value (its name says password, token, "
                + "secret or key, or the value looks like an AWS key, a private key, a JWT or a known API token): "
                + "it is readable by anyone who can read the manifest, the repository or the pod spec.",
        remediation = "Move the value into a Secret and reference it with valueFrom.secretKeyRef (or envFrom "
                + "secretRef); rotate the credential if it was ever committed.")
public final class EnvSecretLiteral implements ObjectRule {
    /**
     * Words in variable names that announce a credential, ending the name or a word of it
     * (PGPASSWORD and GITHUB_TOKEN, not TOKENIZER_MODEL).
     */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY"
                    + "|(ENCRYPTION|SIGNING|MASTER|HMAC)_?KEY)S?(?![A-Z0-9])");

    /** Name endings that mean the variable holds something about a secret, not the secret itself. */
    private static final Pattern REFERENCE_SUFFIX = Pattern.compile(
            ".*_(FILE|PATH|DIR|NAME|ID|URL|URI|ENDPOINT|HOST|PORT|TTL|TIMEOUT|LENGTH|SIZE|ENABLED|HEADER|TYPE|"
                    + "REF|KEY_ID|EXPIRY|EXPIRATION|SECONDS|MINUTES|POLICY|VERSION|ALGORITHM|AUDIENCE|ISSUER|SCOPES?|REALM)$");

    /** Harmless values: numbers, booleans, paths, and $(VAR) or ${VAR} references to other variables. */
    private static final Pattern HARMLESS_VALUE = Pattern.compile(
            "(?i)-?\\d+(\\.\\d+)?|true|false|yes|no|on|off|/.*|\\$\\([A-Za-z_][A-Za-z0-9_]*\\)|\\$\\{[A-Za-z_][A-Za-z0-9_]*}");

    /**
     * A credential's shape, and texts one of which every match contains: most values contain none, and
     * a {@code contains} is far cheaper than a regex search over every value of every container.
     */
    private record Shape(Pattern pattern, String... literals) {
        boolean foundIn(String value) {
            for (String literal : literals) {
                if (value.contains(literal)) {
                    return pattern.matcher(value).find();
                }
            }
            return false;
        }
    }

    /** Shapes of well-known credentials, whatever the variable is called. */
    private static final Map<String, Shape> SECRET_SHAPES = Map.of(
            "an AWS access key", new Shape(Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"), "AKIA", "ASIA"),
            "a private key", new Shape(Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----"), "-----BEGIN "),
            "a JSON Web Token", new Shape(Pattern.compile(
                    "\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{10,}"), "eyJ"),
            "a GitHub token", new Shape(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"), "gh"),
            "a Slack token", new Shape(Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), "xox"),
            "a Google API key", new Shape(Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), "AIza"));

    @Override
    public void check(ObjectContext ctx) {
        ctx.podTemplate().ifPresent(t -> {
            for (ContainerAt c : t.allContainers()) {
                List<EnvVar> env = c.container().getEnv();
                for (int i = 0; env != null && i < env.size(); i++) {
                    EnvVar e = env.get(i);
                    if (e == null || e.getName() == null || e.getValue() == null || e.getValue().isEmpty()) {
                        continue;
                    }
                    int index = i; // the path is built for a finding only
                    reason(e.getName(), e.getValue()).ifPresent(why -> ctx.report(valuePath(c, index), "env " + e.getName()
                            + " of container '" + c.container().getName() + "' has a literal value that " + why
                            + "; put it in a Secret and use valueFrom.secretKeyRef"));
                }
            }
        });
    }

    private static String valuePath(ContainerAt c, int index) {
        return JsonPath.child(JsonPath.index(JsonPath.child(c.path(), "env"), index), "value");
    }

    /** Why the value looks secret (never quoting it), or empty. */
    static Optional<String> reason(String name, String value) {
        for (Map.Entry<String, Shape> shape : SECRET_SHAPES.entrySet()) {
            if (shape.getValue().foundIn(value)) {
                return Optional.of("looks like " + shape.getKey());
            }
        }
        String upper = name.toUpperCase(Locale.ROOT);
        var word = SECRET_NAME.matcher(upper);
        if (word.find() && !REFERENCE_SUFFIX.matcher(upper).matches() && !HARMLESS_VALUE.matcher(value.trim()).matches()) {
            return Optional.of("looks like a credential (the name contains " + word.group(1) + ")");
        }
        return Optional.empty();
    }
}
