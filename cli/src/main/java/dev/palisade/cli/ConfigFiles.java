package dev.palisade.cli;

import dev.palisade.config.ConfigException;
import dev.palisade.config.ConfigLoader;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.engine.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds and reads {@code .palisade.yaml} the same way for every command. */
final class ConfigFiles {
    /** Top-level sections other programs own in the shared file (the webhook's settings). */
    private static final Set<String> EXTENSION_SECTIONS = Set.of("webhook");

    private ConfigFiles() {
    }

    /**
     * @param explicit the --config value, or null for {@code .palisade.yaml} in the working folder if present
     */
    static PalisadeConfig load(Env env, Path explicit, RuleCatalog catalog) throws UserError {
        Path file = env.workDir().resolve(explicit != null ? explicit : Path.of(ConfigLoader.FILE_NAME));
        if (explicit != null && !Files.isRegularFile(file)) {
            throw new UserError(explicit + ": configuration file not found");
        }
        if (!Files.isRegularFile(file)) {
            return PalisadeConfig.DEFAULT;
        }
        try {
            return new ConfigLoader(catalog, EXTENSION_SECTIONS).load(file);
        } catch (ConfigException e) {
            List<String> problems = new ArrayList<>();
            problems.add((explicit != null ? explicit : ConfigLoader.FILE_NAME) + ": invalid configuration:");
            e.problems().forEach(p -> problems.add("  " + p));
            throw new UserError(problems);
        }
    }

    /** The built-in rules plus those the configuration defines. */
    static RuleCatalog catalog(Env env, Path explicit) throws UserError {
        RuleCatalog builtIn = RuleCatalog.load();
        return builtIn.plus(load(env, explicit, builtIn).userRules());
    }
}
