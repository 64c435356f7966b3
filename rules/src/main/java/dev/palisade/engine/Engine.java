package dev.palisade.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.config.Exemption;
import dev.palisade.config.PalisadeConfig;
import dev.palisade.config.RuleConfig;
import dev.palisade.index.IndexViews;
import dev.palisade.index.LintSetIndex;
import dev.palisade.index.ObjectIndex;
import dev.palisade.load.LoadProblem;
import dev.palisade.load.SourceFile;
import dev.palisade.model.JsonPath;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.ObjectRef;
import dev.palisade.model.Position;
import dev.palisade.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Runs the enabled rules over objects and files, applies severities, exemptions and suppression
 * annotations, and turns JSON paths into positions. Stateless between runs; safe to share.
 */
public final class Engine {
    /** Annotation prefix that suppresses a rule for one object: {@code ignore.palisade.dev/<rule-id>}. */
    public static final String IGNORE_PREFIX = "ignore.palisade.dev/";

    private final RuleCatalog catalog;
    private final PalisadeConfig config;
    private final List<Active> active;
    private final Set<String> activeIds;
    private final RuleMeta internalError = RuleMeta.of(InternalErrorRule.class);
    private final RuleMeta suppressionUnused = RuleMeta.of(SuppressionUnusedRule.class);

    /**
     * An enabled rule with its effective severity and parameters; {@code configuredSeverity} is the
     * user's explicit choice (null when none), which overrides severities chosen per finding.
     */
    private record Active(RuleMeta meta, Rule rule, Severity severity, Severity configuredSeverity, RuleParams params) {
    }

    /**
     * @param only rules to run regardless of their default (empty: the configured set)
     * @param skip rules not to run
     */
    public Engine(RuleCatalog catalog, PalisadeConfig config, Set<String> only, Set<String> skip) {
        this.catalog = catalog.plus(config.userRules()); // rules the configuration defines join its catalog
        this.config = config;
        List<Active> list = new ArrayList<>();
        for (RuleCatalog.Entry e : this.catalog.entries()) {
            RuleMeta m = e.meta();
            RuleConfig rc = config.rule(m.id());
            boolean enabled = only.isEmpty()
                    ? (rc.enabled() != null ? rc.enabled() : m.enabledByDefault())
                    : only.contains(m.id());
            if (enabled && !skip.contains(m.id())) {
                list.add(new Active(m, e.rule(), rc.severity() != null ? rc.severity() : m.severity(), rc.severity(),
                        new RuleParams(m, rc.params())));
            }
        }
        this.active = List.copyOf(list);
        this.activeIds = active.stream().map(a -> a.meta().id()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Engine(RuleCatalog catalog, PalisadeConfig config) {
        this(catalog, config, Set.of(), Set.of());
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public PalisadeConfig config() {
        return config;
    }

    /** Whether this engine runs the rule (enabled by the configuration, within the only and skip sets). */
    public boolean runs(String ruleId) {
        return activeIds.contains(ruleId);
    }

    /** Lints files together: cross-object rules see every object of every file. */
    public LintReport lint(List<SourceFile> files) {
        return lintHeld(files, objects -> { });
    }

    /**
     * Lints inputs together. Up to {@link #HOLD_LOADED_FILES} inputs are loaded and held until the
     * end of the run, their objects themselves in the index. Above that the run streams, so that
     * memory does not grow by every parsed document: each input is read and only its objects'
     * {@link IndexViews slim views} are kept for the index; then each input is read again, linted,
     * its findings located, and all of it dropped but those views, its load problems and the lines
     * findings point at. {@code indexed} gets the index's objects before any rule runs.
     */
    public LintReport lint(List<? extends LintInput> inputs, Consumer<List<ManifestObject>> indexed) {
        return lint(inputs, indexed, HOLD_LOADED_FILES);
    }

    LintReport lint(List<? extends LintInput> inputs, Consumer<List<ManifestObject>> indexed, int holdLoadedFiles) {
        if (inputs.size() <= holdLoadedFiles) {
            return lintHeld(IntStream.range(0, inputs.size()).parallel().mapToObj(i -> inputs.get(i).load()).toList(),
                    indexed);
        }
        return lintStreaming(inputs, indexed);
    }

    /**
     * Where streaming starts to pay on a 2-core machine with the launcher's flags: at 1,000 files
     * the second parse makes a streamed run 5-15% slower, at 10,000 both take the same wall time
     * and streaming halves the peak memory, at 50,000 streaming is faster as well, because the
     * serial collector no longer copies the whole held lint set (docs/engine-performance.md,
     * "Streaming by default, session 5").
     */
    static final int STREAM_ABOVE_INPUTS = 5_000;

    /**
     * Above this many inputs a run streams: {@link #STREAM_ABOVE_INPUTS}, or fewer when holding them
     * would take more than a quarter of the JVM's maximum heap (about 15 KiB per parsed document
     * until the end of the run; {@code -Xmx512m} holds about 8,700). Streamed, a document keeps
     * about 3 KiB with its findings, and each file is parsed twice. The system property
     * {@code palisade.holdLoadedFiles} sets the limit ({@code 0} always streams), for comparisons.
     */
    static final int HOLD_LOADED_FILES = Integer.getInteger("palisade.holdLoadedFiles",
            (int) Math.min(STREAM_ABOVE_INPUTS, Runtime.getRuntime().maxMemory() / 4 / (15 * 1024)));

    private LintReport lintHeld(List<SourceFile> files, Consumer<List<ManifestObject>> indexed) {
        // the index lists objects in file order whatever order the caller loaded them in, so that
        // cross-object rules answer the same on every run
        List<ManifestObject> objects = files.stream()
                .sorted(Comparator.comparing(SourceFile::path))
                .flatMap(f -> f.objects().stream())
                .toList();
        // read the pod templates the index groups by label on every core, not in its constructor
        objects.parallelStream().forEach(ManifestObject::podTemplate);
        ObjectIndex index = new LintSetIndex(objects);
        indexed.accept(objects);
        Map<Exemption, Boolean> used = new ConcurrentHashMap<>();
        List<Finding> findings = files.parallelStream()
                .flatMap(f -> lintFile(f, List.of(), index, used).stream())
                .toList();
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(unusedExemptions(used));
        all.sort(Finding.ORDER);
        return new LintReport(List.copyOf(all), files, objects.size());
    }

    private LintReport lintStreaming(List<? extends LintInput> inputs, Consumer<List<ManifestObject>> indexed) {
        List<List<ManifestObject>> read = readAll(inputs);
        // the index lists objects in path order whatever order the caller gave the inputs in
        List<ManifestObject> views = IntStream.range(0, inputs.size()).boxed()
                .sorted(Comparator.comparing(i -> inputs.get(i).path()))
                .flatMap(i -> read.get(i).stream())
                .toList();
        ObjectIndex index = new LintSetIndex(views);
        indexed.accept(views);
        Map<Exemption, Boolean> used = new ConcurrentHashMap<>();
        List<Linted> linted = IntStream.range(0, inputs.size()).parallel()
                .mapToObj(i -> lintInput(inputs.get(i), read.get(i), index, used)).toList();
        List<Finding> all = new ArrayList<>();
        linted.forEach(l -> all.addAll(l.findings()));
        all.addAll(unusedExemptions(used));
        all.sort(Finding.ORDER);
        return new LintReport(List.copyOf(all), excerpted(inputs, linted, all), views.size());
    }

    /** The views of every input's objects, made on every core; the tables that compact them go after. */
    private static List<List<ManifestObject>> readAll(List<? extends LintInput> inputs) {
        IndexViews slim = new IndexViews();
        return IntStream.range(0, inputs.size()).parallel().mapToObj(i -> {
            List<ManifestObject> objects = inputs.get(i).load().objects();
            List<ManifestObject> views = new ArrayList<>(objects.size());
            for (ManifestObject o : objects) {
                ManifestObject view = slim.of(o);
                view.podTemplate(); // the index groups pod templates by label: read them on every core
                views.add(view);
            }
            return List.copyOf(views);
        }).toList();
    }

    /** An input after linting: its findings and what reporters need of the file. */
    private record Linted(List<Finding> findings, SourceFile residue) {
    }

    private Linted lintInput(LintInput input, List<ManifestObject> views, ObjectIndex index,
            Map<Exemption, Boolean> used) {
        SourceFile file = input.load();
        List<Finding> findings = lintFile(file, views, index, used);
        List<Integer> lines = new ArrayList<>();
        for (Finding f : findings) {
            if (f.file().equals(file.path())) {
                lines.add(f.line());
            }
        }
        return new Linted(findings, new SourceFile(file.path(), views, file.problems(),
                ExcerptLines.of(file, lines, null)));
    }

    /**
     * The files as reporters see them, in input order. A reporter shows a finding's line from the
     * first file of the finding's path; a finding that did not come from that file (a path given
     * twice, an unused exemption of a configuration file that is also linted) gets its line from that
     * file read again.
     */
    private static List<SourceFile> excerpted(List<? extends LintInput> inputs, List<Linted> linted, List<Finding> all) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < linted.size(); i++) {
            first.putIfAbsent(linted.get(i).residue().path(), i);
        }
        Map<Integer, List<Integer>> missing = new TreeMap<>();
        for (Finding f : all) {
            Integer i = first.get(f.file());
            if (i != null && !((ExcerptLines) linted.get(i).residue().lines()).holds(f.line())) {
                missing.computeIfAbsent(i, k -> new ArrayList<>()).add(f.line());
            }
        }
        List<SourceFile> out = new ArrayList<>(linted.stream().map(Linted::residue).toList());
        missing.forEach((i, lines) -> {
            SourceFile residue = out.get(i);
            out.set(i, new SourceFile(residue.path(), residue.objects(), residue.problems(),
                    ExcerptLines.of(inputs.get(i).load(), lines, (ExcerptLines) residue.lines())));
        });
        return List.copyOf(out);
    }

    private List<Finding> lintFile(SourceFile file, List<ManifestObject> views, ObjectIndex index,
            Map<Exemption, Boolean> used) {
        List<Finding> out = new ArrayList<>();
        for (Active a : active) {
            if (a.rule() instanceof SourceRule rule) {
                runSourceRule(a, rule, file, out);
            }
        }
        List<ManifestObject> objects = file.objects();
        for (int i = 0; i < objects.size(); i++) {
            ManifestObject o = objects.get(i);
            // a file read again holds the same documents in the same order, unless it changed
            // meanwhile; held files are indexed as themselves (no views)
            if (i < views.size()) {
                ManifestObject view = views.get(i);
                sharingRefOf(view, evaluate(o, new OwnEntryIndex(index, view, o), used), out);
            } else {
                out.addAll(evaluate(o, index, used));
            }
        }
        return out;
    }

    /**
     * Adds findings, each naming its object by one reference made of the view's strings, which the
     * run keeps anyway, instead of strings of the file's tree, which are dropped with it.
     */
    private static void sharingRefOf(ManifestObject view, List<Finding> findings, List<Finding> out) {
        ObjectRef shared = refOf(view);
        for (Finding f : findings) {
            out.add(f.object().equals(shared) ? new Finding(f.rule(), f.severity(), f.message(), f.remediation(),
                    f.docs(), f.file(), f.line(), f.column(), f.path(), shared) : f);
        }
    }

    /** Judges one object (the webhook's entry point): object rules, exemptions, annotations. */
    public List<Finding> evaluate(ManifestObject o, ObjectIndex index) {
        return evaluate(o, index, new ConcurrentHashMap<>());
    }

    private List<Finding> evaluate(ManifestObject o, ObjectIndex index, Map<Exemption, Boolean> used) {
        List<Finding> raw = new ArrayList<>();
        for (Active a : active) {
            if (a.rule() instanceof ObjectRule rule) {
                runObjectRule(a, rule, o, index, raw);
            }
        }
        Map<String, String> suppressions = suppressionsOf(o);
        Set<String> usedSuppressions = new java.util.HashSet<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : raw) {
            if (suppressions.containsKey(f.rule())) {
                usedSuppressions.add(f.rule());
                continue;
            }
            Exemption e = exemptionFor(f.rule(), o);
            if (e != null) {
                used.put(e, true);
                continue;
            }
            kept.add(f);
        }
        for (Map.Entry<String, String> s : suppressions.entrySet()) {
            String id = s.getKey();
            boolean ruleRuns = active.stream().anyMatch(a -> a.meta().id().equals(id));
            if (!usedSuppressions.contains(id) && (ruleRuns || !catalog.contains(id))) {
                String why = catalog.contains(id) ? "rule " + id + " found nothing to suppress on this object"
                        : "'" + id + "' is not a Palisade rule id (see 'palisade rules')";
                kept.add(finding(suppressionUnused, suppressionUnused.severity(),
                        "annotation " + IGNORE_PREFIX + id + " suppresses nothing: " + why, o, s.getValue()));
            }
        }
        return kept;
    }

    private void runObjectRule(Active a, ObjectRule rule, ManifestObject o, ObjectIndex index, List<Finding> out) {
        ObjectContext ctx = new ObjectContext() {
            @Override
            public ManifestObject object() {
                return o;
            }

            @Override
            public ObjectIndex index() {
                return index;
            }

            @Override
            public RuleParams params() {
                return a.params();
            }

            @Override
            public PalisadeConfig config() {
                return config;
            }

            @Override
            public void report(String path, String message) {
                out.add(finding(a.meta(), a.severity(), message, o, path));
            }

            @Override
            public boolean runs(String ruleId) {
                return activeIds.contains(ruleId);
            }

            @Override
            public void report(String path, String message, Severity severity) {
                Severity chosen = a.configuredSeverity() != null ? a.configuredSeverity() : severity;
                out.add(finding(a.meta(), chosen, message, o, path));
            }
        };
        try {
            rule.check(ctx);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            out.add(finding(internalError, internalError.severity(), "rule " + a.meta().id()
                    + " failed on this object: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), o, ""));
        }
    }

    private void runSourceRule(Active a, SourceRule rule, SourceFile file, List<Finding> out) {
        SourceContext ctx = new SourceContext() {
            @Override
            public SourceFile source() {
                return file;
            }

            @Override
            public void report(LoadProblem p, String message) {
                Position pos = p.position();
                out.add(new Finding(a.meta().id(), a.severity(), message, a.meta().remediation(), a.meta().docs(),
                        file.path(), pos.line(), pos.column(), p.path(), p.object()));
            }
        };
        try {
            rule.check(ctx);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            out.add(new Finding(internalError.id(), internalError.severity(), "rule " + a.meta().id()
                    + " failed on this file: " + e.getClass().getSimpleName(), internalError.remediation(),
                    internalError.docs(), file.path(), 1, 1, "", ObjectRef.NONE));
        }
    }

    private Finding finding(RuleMeta meta, Severity severity, String message, ManifestObject o, String path) {
        Position pos = o.positions().locate(path);
        return new Finding(meta.id(), severity, message, meta.remediation(), meta.docs(), o.source(),
                pos.line(), pos.column(), path, refOf(o));
    }

    private static ObjectRef refOf(ManifestObject o) {
        ObjectRef r = o.ref();
        return new ObjectRef(r.apiVersion(), r.kind(), o.namespace(), r.name());
    }

    /** Rule id to the JSON path of its annotation, from the object and its pod template. */
    private static Map<String, String> suppressionsOf(ManifestObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(o.tree().path("metadata").path("annotations"), JsonPath.of("metadata", "annotations"), out);
        o.podTemplate().ifPresent(t -> collect(at(o.tree(), t.path()).path("metadata").path("annotations"),
                JsonPath.child(JsonPath.child(t.path(), "metadata"), "annotations"), out));
        return out;
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        if (!dotted.isEmpty()) {
            for (String k : dotted.split("\\.")) {
                n = n.path(k);
            }
        }
        return n;
    }

    private static void collect(JsonNode annotations, String path, Map<String, String> out) {
        Iterator<String> names = annotations.isObject() ? annotations.fieldNames() : java.util.Collections.emptyIterator();
        while (names.hasNext()) {
            String key = names.next();
            if (key.startsWith(IGNORE_PREFIX)) {
                out.putIfAbsent(key.substring(IGNORE_PREFIX.length()), JsonPath.child(path, key));
            }
        }
    }

    private Exemption exemptionFor(String ruleId, ManifestObject o) {
        for (Exemption e : config.exemptions()) {
            if (e.covers(ruleId) && e.matches(o)) {
                return e;
            }
        }
        return null;
    }

    private Collection<Finding> unusedExemptions(Map<Exemption, Boolean> used) {
        if (active.stream().noneMatch(a -> a.meta().id().equals(suppressionUnused.id()))
                && !catalog.contains(suppressionUnused.id())) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Exemption e : config.exemptions()) {
            if (!used.containsKey(e)) {
                out.add(new Finding(suppressionUnused.id(), suppressionUnused.severity(),
                        "exemption (" + e.reason() + ") matched no finding", suppressionUnused.remediation(),
                        suppressionUnused.docs(), config.source() == null ? "<config>" : config.source(),
                        e.position().line(), e.position().column(), "", ObjectRef.NONE));
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        int cut = s.indexOf('\n');
        return cut > 0 ? s.substring(0, cut) : s;
    }
}
