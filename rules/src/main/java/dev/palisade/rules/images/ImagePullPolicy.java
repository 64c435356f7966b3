package dev.palisade.rules.images;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.JsonPath;
import dev.palisade.model.Severity;

@RuleInfo(id = "image-pull-policy", severity = Severity.WARNING, category = "images",
        summary = "imagePullPolicy is IfNotPresent or Never for an image tagged latest (or untagged): each node "
                + "keeps running whatever 'latest' was when it first pulled, so replicas silently run "
                + "different versions.",
        remediation = "Pin a version tag or digest (best), or set imagePullPolicy: Always for a moving tag.")
public final class ImagePullPolicy implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        Images.forEach(ctx, (c, image, path) -> {
            String policy = c.container().getImagePullPolicy();
            if (image.isMutableLatest() && ("IfNotPresent".equals(policy) || "Never".equals(policy))) {
                ctx.report(JsonPath.child(c.path(), "imagePullPolicy"), "container '" + c.container().getName()
                        + "' pulls a moving 'latest' image with imagePullPolicy " + policy
                        + ", so nodes run stale copies; pin a version tag or digest, or use Always");
            }
        });
    }
}
