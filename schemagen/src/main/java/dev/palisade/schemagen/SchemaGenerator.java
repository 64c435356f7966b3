package dev.palisade.schemagen;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Derives JSON schemas of the built-in Kubernetes kinds from the official Kubernetes Java client
 * ({@code io.kubernetes:client-java-api}), one release per Kubernetes minor, at build time.
 *
 * <p>The client's model classes are generated from the Kubernetes OpenAPI document: each field carries
 * its JSON name ({@code @SerializedName}) and Java type, and each class lists its required fields
 * ({@code openapiRequiredFields}). Which apiVersion/kind a model is comes from the API classes: their
 * request paths give group and version ({@code /apis/apps/v1/}) and their create methods take the
 * model as body. API classes are read as bytes, never loaded, so their HTTP dependencies are not needed.
 *
 * <p>Output per version: a folder {@code 1.NN/} with one draft-07 schema per kind (strict: no unknown
 * fields) and {@code kinds.json}; {@code index.json} lists versions and their source artifacts.
 *
 * <p>Arguments: output folder, folder of client jars, closed-sets file, gson jar, then
 * {@code 1.NN=clientVersion} pairs.
 */
public final class SchemaGenerator {
    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final Pattern GROUP_PATH = Pattern.compile("\"?/apis/([a-z0-9.-]+)/(v[0-9a-z]+)/");
    private static final Pattern CORE_PATH = Pattern.compile("/api/v1/");
    /** A create method's descriptor: optional namespace, the model as body, its request builder named after the method. */
    private static final Pattern CREATE = Pattern.compile(
            "\\((?:Ljava/lang/String;)?Lio/kubernetes/client/openapi/models/(\\w+);\\)"
                    + "Lio/kubernetes/client/openapi/apis/\\w+\\$APIcreate(?:Namespaced)?(\\w+)Request;");
    /** V1, V1beta1, and the group-qualified CoreV1 / EventsV1 / ResourceV1 of clashing names. */
    private static final Pattern VERSION_PREFIX = Pattern.compile("^(?:[A-Z][a-z]+)*?V\\d+(?:(?:alpha|beta)\\d+)?");
    /** The Kubernetes quantity grammar (resource.Quantity): a signed decimal with an SI, binary or exponent suffix. */
    static final String QUANTITY_PATTERN = "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)"
            + "(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))?$";

    private final ClassLoader loader;
    private final Map<String, List<String>> closedSets;
    private final Map<String, Object> definitions = new TreeMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();
    private final java.util.Set<String> usedClosedSets = new java.util.HashSet<>();

    private SchemaGenerator(ClassLoader loader, Map<String, List<String>> closedSets) {
        this.loader = loader;
        this.closedSets = closedSets;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path jars = Path.of(args[1]);
        Map<String, List<String>> closedSets = readClosedSets(Path.of(args[2]));
        Path gson = Path.of(args[3]);
        Files.createDirectories(out);
        List<Map<String, Object>> index = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            String[] pair = args[i].split("=");
            String k8s = pair[0];
            String client = pair[1];
            Path jar = jars.resolve("client-java-api-" + client + ".jar");
            Path target = out.resolve(k8s).resolve("kinds.json");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kubernetesVersion", k8s);
            entry.put("source", "io.kubernetes:client-java-api:" + client);
            index.add(entry);
            if (Files.exists(target) && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                continue; // up to date: regeneration takes seconds per version
            }
            long start = System.nanoTime();
            Map<String, Object> doc = generate(jar, gson, closedSets);
            int kinds = writeVersion(out.resolve(k8s), doc);
            System.out.printf("schemagen: Kubernetes %s from client-java-api %s: %d kinds, %d definitions, %d ms%n",
                    k8s, client, kinds, ((Map<?, ?>) doc.get("definitions")).size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("index.json"), StandardCharsets.UTF_8)) {
            Json.write(w, Map.of("versions", index));
        }
    }

    /**
     * One file per kind ({@code 1.34/apps/v1/Deployment.json}: a reference to the kind's definition and
     * the definitions it reaches), so a lint reads only the kinds it meets; {@code kinds.json} lists them.
     */
    @SuppressWarnings("unchecked")
    private static int writeVersion(Path dir, Map<String, Object> doc) throws IOException {
        Map<String, Object> kinds = (Map<String, Object>) doc.get("kinds");
        Map<String, Object> definitions = (Map<String, Object>) doc.get("definitions");
        for (Map.Entry<String, Object> kind : kinds.entrySet()) {
            String key = kind.getKey();
            String path = key.contains("/") && key.indexOf('/') != key.lastIndexOf('/') ? key : "core/" + key;
            Path file = dir.resolve(path + ".json");
            Files.createDirectories(file.getParent());
            Map<String, Object> reached = new TreeMap<>();
            reach((String) kind.getValue(), definitions, reached);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("$ref", "#/definitions/" + kind.getValue());
            schema.put("definitions", reached);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                Json.write(w, schema);
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("kinds.json"), StandardCharsets.UTF_8)) {
            Json.write(w, Map.of("kinds", new ArrayList<>(kinds.keySet())));
        }
        return kinds.size();
    }

    private static void reach(String name, Map<String, Object> definitions, Map<String, Object> reached) {
        if (reached.containsKey(name)) {
            return;
        }
        Object definition = definitions.get(name);
        reached.put(name, definition);
        refs(definition, ref -> reach(ref, definitions, reached));
    }

    private static void refs(Object schema, java.util.function.Consumer<String> found) {
        if (schema instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey().equals("$ref") && e.getValue() instanceof String ref && ref.startsWith("#/definitions/")) {
                    found.accept(ref.substring("#/definitions/".length()));
                } else { // includes JSONSchemaProps' own property named $ref
                    refs(e.getValue(), found);
                }
            }
        } else if (schema instanceof List<?> list) {
            list.forEach(item -> refs(item, found));
        }
    }

    static Map<String, Object> generate(Path jar, Path gson, Map<String, List<String>> closedSets) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), gson.toUri().toURL()},
                ClassLoader.getPlatformClassLoader()); ZipFile zip = new ZipFile(jar.toFile())) {
            SchemaGenerator gen = new SchemaGenerator(loader, closedSets);
            Map<String, Object> kinds = new TreeMap<>();
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.startsWith("io/kubernetes/client/openapi/apis/") && name.endsWith("Api.class")) {
                    String bytes;
                    try (InputStream in = zip.getInputStream(e)) {
                        bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    }
                    gen.readApiClass(bytes, kinds);
                }
            }
            gen.drain();
            java.util.Set<String> unused = new TreeSet<>(closedSets.keySet());
            unused.removeAll(gen.usedClosedSets);
            if (!unused.isEmpty()) {
                throw new IllegalStateException(jar.getFileName() + ": closed sets name no field: " + unused);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("kinds", kinds);
            doc.put("definitions", gen.definitions);
            return doc;
        }
    }

    /** Records the kinds one API class creates, under the apiVersion its request paths use. */
    private void readApiClass(String bytes, Map<String, Object> kinds) throws ClassNotFoundException {
        String apiVersion;
        Matcher g = GROUP_PATH.matcher(bytes);
        if (g.find()) {
            apiVersion = g.group(1) + "/" + g.group(2);
        } else if (CORE_PATH.matcher(bytes).find()) {
            apiVersion = "v1";
        } else {
            return; // discovery-only API classes (AppsApi, VersionApi...)
        }
        Matcher m = CREATE.matcher(bytes);
        while (m.find()) {
            String model = m.group(1);
            String kind = m.group(2);
            if (!VERSION_PREFIX.matcher(model).replaceFirst("").equals(kind)) {
                continue; // subresources: createNamespacedPodEviction takes a V1Eviction
            }
            String key = apiVersion + "/" + kind;
            if (!kinds.containsKey(key)) {
                kinds.put(key, model);
                enqueue(Class.forName(MODELS + model, false, loader));
            }
        }
    }

    private void enqueue(Class<?> type) {
        if (!definitions.containsKey(type.getSimpleName())) {
            definitions.put(type.getSimpleName(), Map.of()); // placeholder: breaks cycles (JSONSchemaProps)
            pending.add(type);
        }
    }

    private void drain() throws ReflectiveOperationException {
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            definitions.put(type.getSimpleName(), objectSchema(type));
        }
    }

    private Map<String, Object> objectSchema(Class<?> type) throws ReflectiveOperationException {
        Map<String, Object> properties = new TreeMap<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String json = serializedName(f);
            if (json == null) {
                continue;
            }
            Map<String, Object> schema = typeSchema(f.getGenericType());
            List<String> closed = closedSets.get(type.getSimpleName() + "." + json);
            if (closed != null) {
                usedClosedSets.add(type.getSimpleName() + "." + json);
                schema = withEnum(schema, closed);
            }
            properties.put(json, schema);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        Collection<String> required = requiredFields(type);
        if (!required.isEmpty()) {
            schema.put("required", new ArrayList<>(new TreeSet<>(required)));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * A closed set applies to the value, or to each item of a list (accessModes). A field also takes
     * "", the Go zero value the API server defaults (type: "" becomes ClusterIP); a list item does not.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEnum(Map<String, Object> schema, List<String> closed) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        if ("array".equals(schema.get("type"))) {
            Map<String, Object> items = new LinkedHashMap<>((Map<String, Object>) schema.get("items"));
            items.put("enum", closed);
            copy.put("items", items);
        } else {
            List<String> values = new ArrayList<>(closed);
            values.add("");
            copy.put("enum", values);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> requiredFields(Class<?> type) throws ReflectiveOperationException {
        try {
            Field f = type.getDeclaredField("openapiRequiredFields");
            f.setAccessible(true);
            return (Collection<String>) f.get(null);
        } catch (NoSuchFieldException e) {
            return List.of();
        }
    }

    private static String serializedName(Field f) throws ReflectiveOperationException {
        for (var a : f.getAnnotations()) {
            if (a.annotationType().getName().equals("com.google.gson.annotations.SerializedName")) {
                return (String) a.annotationType().getMethod("value").invoke(a);
            }
        }
        return null;
    }

    private Map<String, Object> typeSchema(Type t) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", typeSchema(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", typeSchema(args[1]));
            }
            throw new IllegalStateException("unexpected generic type " + t);
        }
        Class<?> c = (Class<?>) t;
        String name = c.getName();
        switch (name) {
            case "java.lang.String", "java.time.OffsetDateTime", "java.time.LocalDate", "java.util.UUID":
                return Map.of("type", "string");
            case "[B":
                return Map.of("type", "string", "x-palisade-format", "byte");
            case "java.lang.Integer", "int":
                return Map.of("type", "integer", "minimum", Integer.MIN_VALUE, "maximum", Integer.MAX_VALUE,
                        "x-palisade-format", "int32");
            case "java.lang.Long", "long":
                return Map.of("type", "integer", "minimum", Long.MIN_VALUE, "maximum", Long.MAX_VALUE,
                        "x-palisade-format", "int64");
            case "java.lang.Float", "java.lang.Double", "java.math.BigDecimal":
                return Map.of("type", "number");
            case "java.lang.Boolean", "boolean":
                return Map.of("type", "boolean");
            case "java.lang.Object":
                return Map.of(); // RawExtension, JSON: any value
            case "io.kubernetes.client.custom.IntOrString":
                return Map.of("type", List.of("integer", "string"), "x-palisade-format", "int-or-string");
            case "io.kubernetes.client.custom.Quantity":
                return Map.of("type", List.of("string", "number"), "pattern", QUANTITY_PATTERN,
                        "x-palisade-format", "quantity");
            default:
                break;
        }
        if (name.startsWith(MODELS)) {
            enqueue(c);
            return Map.of("$ref", "#/definitions/" + c.getSimpleName());
        }
        if (name.equals("io.kubernetes.client.custom.V1Patch")) {
            return Map.of();
        }
        throw new IllegalStateException("no schema mapping for " + name);
    }

    /** Lines {@code V1Container.imagePullPolicy=Always,IfNotPresent,Never}; '#' starts a comment. */
    static Map<String, List<String>> readClosedSets(Path file) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, List<String>> sets = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            sets.put(key, List.of(p.getProperty(key).split("\\s*,\\s*")));
        }
        return sets;
    }
}
