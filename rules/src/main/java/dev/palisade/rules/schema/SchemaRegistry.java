package dev.palisade.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.palisade.config.PalisadeConfig.SchemaOptions;
import dev.palisade.model.ManifestObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds and compiles the schema of an apiVersion/kind for one set of {@link SchemaOptions}: bundled
 * built-in schemas of the target Kubernetes version, CRDs (from the lint set or {@code crdPaths}),
 * then user schema locations. Compiled schemas are kept per kind and version, so a run compiles each
 * at most once; registries are shared by runs with equal options (the webhook's single config).
 *
 * <p>Nothing is fetched over the network unless {@code allowNetwork}: remote schema locations are
 * skipped and any remote {@code $ref} inside a schema is refused by the validator's loader.
 */
public final class SchemaRegistry {
    private static final Map<SchemaOptions, SchemaRegistry> REGISTRIES = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A schema: the JSON it comes from (to explain violations), where it came from, the quick check
     * that spares networknt the objects that certainly conform, and networknt's compiled form. A
     * bundled schema is compiled by networknt only when an object does not pass the quick check (most
     * runs of a few valid files never need it; compiling a Pod's schema costs more than linting it);
     * other schemas are compiled at once, so that an unusable one is reported whatever the objects.
     */
    public static final class Compiled {
        private final JsonNode root;
        private final String origin;
        private final QuickConformance quick;
        private final Supplier<JsonSchema> compiler;
        private volatile JsonSchema schema;

        private Compiled(JsonNode root, String origin, QuickConformance quick, Supplier<JsonSchema> compiler) {
            this.root = root;
            this.origin = origin;
            this.quick = quick;
            this.compiler = compiler;
        }

        /**
         * networknt's schema, compiled on first use.
         *
         * @throws SchemaUnusableException when it cannot be compiled
         */
        public JsonSchema schema() {
            JsonSchema s = schema;
            if (s == null) {
                synchronized (this) {
                    s = schema;
                    if (s == null) {
                        s = compiler.get();
                        schema = s;
                    }
                }
            }
            return s;
        }

        public JsonNode root() {
            return root;
        }

        public String origin() {
            return origin;
        }

        public QuickConformance quick() {
            return quick;
        }
    }

    private final SchemaOptions options;
    private final String kubernetesVersion;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig validatorConfig;
    private final Map<String, Optional<Compiled>> cache = new ConcurrentHashMap<>();
    private volatile List<JsonNode> fileCrds;

    private SchemaRegistry(SchemaOptions options) {
        this.options = options;
        this.kubernetesVersion = targetVersion(options);
        boolean network = options.allowNetwork();
        // Schemas carry keywords draft-07 does not define (x-palisade-format, x-kubernetes-* in user
        // schema locations): they are annotations, not warnings in the webhook's log.
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b
                .metaSchema(draft7)
                .schemaLoaders(loaders -> loaders.add(iri -> {
                    if (network && SchemaLocations.isRemote(iri.toString())) {
                        return null; // the validator's own loader fetches it
                    }
                    throw new InvalidSchemaException(ValidationMessage.builder()
                            .message("schema reference ''{1}'' refused: Palisade loads no schema from outside the "
                                    + "schema itself without --allow-network")
                            .arguments(iri).build());
                })));
        this.validatorConfig = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .regularExpressionFactory(new BoundedRegex())
                .build();
    }

    public static SchemaRegistry forOptions(SchemaOptions options) {
        return REGISTRIES.computeIfAbsent(options, SchemaRegistry::new);
    }

    /**
     * The Kubernetes version schemas are checked against: the configured one, or the newest bundled.
     *
     * @throws IllegalArgumentException when the configured version is not bundled
     */
    public static String targetVersion(SchemaOptions options) {
        String v = options.kubernetesVersion();
        if (v == null || v.isBlank()) {
            return BundledSchemas.newest();
        }
        String trimmed = v.startsWith("v") ? v.substring(1) : v;
        String minor = trimmed.replaceFirst("^(1\\.\\d+)\\.\\d+$", "$1");
        if (!BundledSchemas.bundles(minor)) {
            throw new IllegalArgumentException("Kubernetes version " + v + " has no bundled schemas; bundled: "
                    + String.join(", ", BundledSchemas.versions().stream().map(BundledSchemas.Version::kubernetesVersion).toList()));
        }
        return minor;
    }

    /**
     * Problems with schema options that should stop a run before it starts (the CLI reports them as
     * usage errors): an unbundled Kubernetes version, a missing --crd path, an unknown template
     * placeholder, an HTTP location without --allow-network. Empty when the options are usable.
     */
    public static List<String> checkOptions(SchemaOptions options) {
        List<String> problems = new ArrayList<>();
        try {
            targetVersion(options);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        for (String p : options.crdPaths()) {
            if (!Files.exists(Path.of(p))) {
                problems.add("--crd " + p + ": no such file or folder");
            }
        }
        for (String location : options.schemaLocations()) {
            try {
                SchemaLocations.expand(location, "apps/v1", "Deployment", BundledSchemas.newest(), true);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            if (SchemaLocations.isRemote(location) && !options.allowNetwork()) {
                problems.add("--schema-location " + location + " is remote: pass --allow-network to use it");
            }
        }
        return problems;
    }

    /** The bundled schema of a built-in kind in the target version. */
    public Optional<Compiled> builtIn(String apiVersion, String kind) {
        return cache.computeIfAbsent("builtin|" + apiVersion + "|" + kind, k -> {
            ObjectNode root = BundledSchemas.rootFor(kubernetesVersion, apiVersion, kind);
            return root == null ? Optional.empty()
                    : Optional.of(compileOnUse(root, "Kubernetes " + kubernetesVersion + " " + apiVersion + " " + kind));
        });
    }

    /**
     * The schema a CRD of the lint set gives to its custom resources of {@code version}, compiled once
     * per CRD object and kept with it (so it lives as long as the run that loaded it).
     */
    public Optional<Compiled> fromCrd(ManifestObject crd, String version) {
        return crd.memo(SchemaRegistry.class.getName() + "|" + options.allowNetwork() + "|" + version,
                () -> Optional.ofNullable(CrdSchemas.schemaOf(crd.tree(), version))
                        .map(root -> compile(root, "CustomResourceDefinition " + crd.name())));
    }

    /** The schema from a CRD under the configured {@code crdPaths}. */
    public Optional<Compiled> fromCrdFiles(String group, String version, String kind) {
        return cache.computeIfAbsent("crdfile|" + group + "|" + version + "|" + kind, k -> {
            for (JsonNode crd : fileCrds()) {
                if (CrdSchemas.defines(crd, group, kind)) {
                    ObjectNode root = CrdSchemas.schemaOf(crd, version);
                    if (root != null) {
                        return Optional.of(compile(root, "CustomResourceDefinition "
                                + crd.path("metadata").path("name").asText() + " (--crd)"));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** The schema found under the first configured schema location that has one. */
    public Optional<Compiled> fromLocations(String apiVersion, String kind) {
        if (options.schemaLocations().isEmpty()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent("location|" + apiVersion + "|" + kind, k -> {
            for (String template : options.schemaLocations()) {
                String where = SchemaLocations.expand(template, apiVersion, kind, kubernetesVersion, true);
                Optional<JsonNode> node = SchemaLocations.isRemote(where) ? fetch(where) : readLocal(where);
                if (node.isPresent()) {
                    return Optional.of(compile(node.get(), where));
                }
            }
            return Optional.empty();
        });
    }

    private Optional<JsonNode> readLocal(String where) {
        Path p = Path.of(where.startsWith("file://") ? where.substring("file://".length()) : where);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Optional.of(JSON.readTree(in));
        } catch (IOException e) {
            throw new SchemaUnusableException("schema " + where + " is not readable JSON: " + e.getMessage());
        }
    }

    private Optional<JsonNode> fetch(String url) {
        if (!options.allowNetwork()) {
            return Optional.empty(); // remote locations are only consulted with --allow-network
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return Optional.empty();
            }
            if (r.statusCode() != 200) {
                throw new SchemaUnusableException("schema " + url + ": HTTP " + r.statusCode());
            }
            return Optional.of(JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new SchemaUnusableException("schema " + url + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaUnusableException("schema " + url + ": interrupted");
        }
    }

    private List<JsonNode> fileCrds() {
        List<JsonNode> crds = fileCrds;
        if (crds == null) {
            crds = loadCrdFiles(options.crdPaths());
            fileCrds = crds;
        }
        return crds;
    }

    /** CustomResourceDefinitions in the given files and folders (YAML or JSON, several documents each). */
    static List<JsonNode> loadCrdFiles(List<String> paths) {
        List<JsonNode> out = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            List<Path> files;
            try (Stream<Path> walk = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
                files = walk.filter(f -> Files.isRegularFile(f) && f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
            } catch (IOException e) {
                throw new SchemaUnusableException("--crd " + p + ": " + e.getMessage());
            }
            for (Path f : files) {
                Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                try (InputStream in = Files.newInputStream(f)) {
                    for (Object doc : yaml.loadAll(in)) {
                        JsonNode node = JSON.valueToTree(doc);
                        if (node != null && "CustomResourceDefinition".equals(node.path("kind").asText())) {
                            out.add(node);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    throw new SchemaUnusableException("--crd " + f + ": " + e.getMessage());
                }
            }
        }
        return List.copyOf(out);
    }

    private Compiled compile(JsonNode root, String origin) {
        JsonSchema schema = networknt(root, origin);
        return new Compiled(root, origin, QuickConformance.of(root), () -> schema);
    }

    private Compiled compileOnUse(JsonNode root, String origin) {
        return new Compiled(root, origin, QuickConformance.of(root), () -> networknt(root, origin));
    }

    private JsonSchema networknt(JsonNode root, String origin) {
        try {
            return factory.getSchema(root, validatorConfig);
        } catch (JsonSchemaException e) {
            throw new SchemaUnusableException(origin + ": " + e.getMessage());
        }
    }

    /** A schema that exists but cannot be used (unreadable, refused reference): reported, never thrown past the rules. */
    public static final class SchemaUnusableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SchemaUnusableException(String message) {
            super(message);
        }
    }
}
