package dev.palisade.webhook;

import dev.palisade.config.ConfigException;
import dev.palisade.config.ConfigLoader;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.RuleCatalog;
import java.util.Set;
import java.util.stream.Collectors;

/** One loaded configuration: the engine built from it and the webhook's own settings. Immutable. */
public record ConfigSnapshot(PalisadeConfig config, Engine engine, WebhookSettings settings) {

    /**
     * Rule category the webhook leaves out unless a rule of it is enabled explicitly in {@code rules:}.
     * The API server decodes and validates an object against its schema before it calls validating
     * webhooks, so in the cluster these rules can only repeat what it already refused; validating the
     * object against the schema again was 15 % of the review's CPU (ReviewCpu).
     */
    static final String API_SERVER_VALIDATED = "schema";

    public static ConfigSnapshot parse(RuleCatalog catalog, String source, String text) throws ConfigException {
        PalisadeConfig config = new ConfigLoader(catalog, Set.of(WebhookSettings.SECTION)).parse(source, text);
        WebhookSettings settings = WebhookSettings.from(source, config.extensions().get(WebhookSettings.SECTION));
        return new ConfigSnapshot(config, new Engine(catalog, config, Set.of(), validatedByApiServer(catalog, config)),
                settings);
    }

    private static Set<String> validatedByApiServer(RuleCatalog catalog, PalisadeConfig config) {
        return catalog.entries().stream()
                .map(RuleCatalog.Entry::meta)
                .filter(m -> m.category().equals(API_SERVER_VALIDATED))
                .filter(m -> !Boolean.TRUE.equals(config.rule(m.id()).enabled()))
                .map(m -> m.id())
                .collect(Collectors.toUnmodifiableSet());
    }
}
