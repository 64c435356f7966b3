package dev.palisade.webhook;

import dev.palisade.config.ConfigException;
import dev.palisade.config.ConfigLoader;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.Engine;
import dev.palisade.engine.RuleCatalog;
import java.util.Set;

/** One loaded configuration: the engine built from it and the webhook's own settings. Immutable. */
public record ConfigSnapshot(PalisadeConfig config, Engine engine, WebhookSettings settings) {

    public static ConfigSnapshot parse(RuleCatalog catalog, String source, String text) throws ConfigException {
        PalisadeConfig config = new ConfigLoader(catalog, Set.of(WebhookSettings.SECTION)).parse(source, text);
        WebhookSettings settings = WebhookSettings.from(source, config.extensions().get(WebhookSettings.SECTION));
        return new ConfigSnapshot(config, new Engine(catalog, config), settings);
    }
}
