package dev.palisade.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rule's parameters: the configured value or the default from its metadata. Types were checked
 * when the configuration was read, so these getters do not fail on user input. Values are read once
 * per parameter and kept: rules ask for them on every object they check.
 */
public final class RuleParams {
    private final RuleMeta meta;
    private final Map<String, Object> configured;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();

    public RuleParams(RuleMeta meta, Map<String, Object> configured) {
        this.meta = meta;
        this.configured = configured;
    }

    private Object raw(String name) {
        return values.computeIfAbsent(name, this::lookUp);
    }

    private Object lookUp(String name) {
        RuleMeta.ParamMeta p = meta.param(name);
        if (p == null) {
            throw new IllegalArgumentException("rule " + meta.id() + " declares no parameter " + name);
        }
        Object v = configured.get(name);
        return v != null ? v : p.defaultValue();
    }

    public long integer(String name) {
        Object v = raw(name);
        return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    }

    public boolean bool(String name) {
        Object v = raw(name);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().trim());
    }

    public String string(String name) {
        return raw(name).toString();
    }

    public List<String> list(String name) {
        return lists.computeIfAbsent(name, this::parseList);
    }

    private List<String> parseList(String name) {
        Object v = raw(name);
        if (v instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        String s = v.toString().trim();
        return s.isEmpty() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList();
    }
}
