package dev.palisade.webhook.testrules;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.PodTemplateView;
import dev.palisade.model.Severity;

/** Test-only rule (off unless configured): an error at each container image tagged latest. */
@RuleInfo(id = "test-image-latest", severity = Severity.ERROR, category = "test", enabledByDefault = false,
        summary = "Test rule: image tagged latest.", remediation = "Pin the image to a version tag.")
public final class TestImageLatest implements ObjectRule {
    @Override
    public void check(ObjectContext ctx) {
        ctx.podTemplate().ifPresent(t -> {
            for (PodTemplateView.ContainerAt c : t.containers()) {
                String image = c.container().getImage();
                if (image != null && image.endsWith(":latest")) {
                    ctx.report(c.path() + ".image", "image " + image + " uses the latest tag");
                }
            }
        });
    }
}
