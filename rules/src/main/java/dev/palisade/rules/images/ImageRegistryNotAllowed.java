package dev.palisade.rules.images;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import java.util.List;
import java.util.Locale;

@RuleInfo(id = "image-registry-not-allowed", severity = Severity.ERROR, category = "images",
        enabledByDefault = false,
        summary = "A container image comes from a registry (or repository prefix) that is not on the allow-list.",
        remediation = "Mirror the image into an allowed registry and reference it there, or add the registry to "
                + "the rule's 'allowed' parameter.",
        params = @RuleInfo.Param(name = "allowed", type = RuleInfo.ParamType.STRING_LIST, defaultValue = "",
                description = "Allowed registries (registry.example.com, localhost:5000) or repository prefixes "
                        + "(gcr.io/my-project). Docker Hub is docker.io; 'nginx' is docker.io/library/nginx. "
                        + "Empty: the rule reports nothing."))
public final class ImageRegistryNotAllowed implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        List<String> allowed = ctx.params().list("allowed").stream()
                .map(ImageRegistryNotAllowed::normalise).filter(s -> !s.isEmpty()).toList();
        if (allowed.isEmpty()) {
            return;
        }
        Images.forEach(ctx, (c, image, path) -> {
            String repository = image.repository();
            boolean ok = allowed.stream().anyMatch(a -> repository.equals(a) || repository.startsWith(a + "/"));
            if (!ok) {
                ctx.report(path, "image of container '" + c.container().getName() + "' comes from " + repository
                        + ", which is not under an allowed registry " + allowed
                        + "; use a mirror in an allowed registry");
            }
        });
    }

    /** Writes an allow-list entry the way {@link ImageRef} writes repositories. */
    private static String normalise(String entry) {
        String e = entry.trim().toLowerCase(Locale.ROOT);
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        if (e.equals("index.docker.io") || e.equals("registry-1.docker.io")) {
            return ImageRef.DOCKER_HUB;
        }
        return e.startsWith("index.docker.io/") ? ImageRef.DOCKER_HUB + e.substring("index.docker.io".length()) : e;
    }
}
