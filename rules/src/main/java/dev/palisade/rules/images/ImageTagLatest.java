package dev.palisade.rules.images;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "image-tag-latest", severity = Severity.WARNING, category = "images",
        summary = "A container image is tagged ':latest' or not tagged at all (which means latest) and not "
                + "pinned by digest: which version runs depends on when each node pulled it, and a rollback "
                + "cannot go back.",
        remediation = "Use an immutable version tag (nginx:1.27.3) or pin a digest (nginx@sha256:...).")
public final class ImageTagLatest implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        Images.forEach(ctx, (c, image, path) -> {
            if (image.isMutableLatest()) {
                String what = image.tag() == null ? "has no tag (so it means latest)" : "uses the tag 'latest'";
                ctx.report(path, "image of container '" + c.container().getName() + "' " + what
                        + "; pin a version tag or a digest");
            }
        });
    }
}
