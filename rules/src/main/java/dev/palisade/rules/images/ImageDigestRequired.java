package dev.palisade.rules.images;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;

@RuleInfo(id = "image-digest-required", severity = Severity.WARNING, category = "images",
        enabledByDefault = false,
        summary = "A container image is not pinned by digest: a tag can be moved to other content (by a "
                + "compromised or careless publisher), a digest cannot.",
        remediation = "Append the digest of the image you tested: repo:1.2.3@sha256:<digest> (the tag may stay "
                + "for readability).")
public final class ImageDigestRequired implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        Images.forEach(ctx, (c, image, path) -> {
            if (image.digest() == null) {
                ctx.report(path, "image of container '" + c.container().getName()
                        + "' is not pinned by digest; append @sha256:<digest>");
            }
        });
    }
}
