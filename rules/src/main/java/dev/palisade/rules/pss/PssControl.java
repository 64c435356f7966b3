package dev.palisade.rules.pss;

import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.model.PodSecurityLevel;
import dev.palisade.model.Severity;
import java.util.Optional;

/**
 * One control of the Pod Security Standards. Runs on every object with a pod template, at the
 * severity the namespace's (or the configured) levels give its level, and not at all when no mode
 * asks for it.
 */
public abstract class PssControl implements ObjectRule {
    private final PodSecurityLevel level;
    private final boolean linuxOnly;

    /**
     * @param linuxOnly whether pods with {@code spec.os.name: windows} are exempt (restricted controls
     *                  the upstream standard marks as Linux only since v1.25)
     */
    protected PssControl(PodSecurityLevel level, boolean linuxOnly) {
        this.level = level;
        this.linuxOnly = linuxOnly;
    }

    public PodSecurityLevel level() {
        return level;
    }

    @Override
    public final void check(ObjectContext ctx) {
        ctx.podTemplate().ifPresent(template -> {
            Optional<Severity> severity = PssProfile.severity(
                    PssProfile.modesFor(ctx.index(), ctx.object().namespace(), ctx.config().pss()), level);
            if (severity.isEmpty()) {
                return;
            }
            PssPod pod = new PssPod(ctx, template, severity.get());
            if (!(linuxOnly && pod.windows())) {
                check(pod);
            }
        });
    }

    protected abstract void check(PssPod pod);
}
