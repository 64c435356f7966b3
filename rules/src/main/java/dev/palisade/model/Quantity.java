package dev.palisade.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2e3}) as an exact decimal, parsed
 * with the grammar of k8s.io/apimachinery's resource.Quantity:
 * {@code [+-]number(binarySI | decimalSI | [eE][+-]digits)}, where a number is {@code 1}, {@code 1.5},
 * {@code 1.} or {@code .5}. The API server does not trim spaces, so neither does this parser.
 */
public record Quantity(String text, BigDecimal value, String suffix) implements Comparable<Quantity> {
    private static final Pattern FORMAT = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+|n|u|m|k|M|G|T|P|E)?");

    /**
     * Bounds the work spent on hostile input; no real quantity is this long. Kubernetes has no such
     * limit, so a longer value is reported as unreadable rather than accepted unchecked.
     */
    private static final int MAX_LENGTH = 64;
    /** 1e1000 bytes is far beyond anything a cluster can hold; larger exponents are not worth exact arithmetic. */
    private static final int MAX_EXPONENT = 1000;

    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
            Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
            Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
            Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
            Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

    /**
     * Parsed quantities by text. A corpus writes the same few amounts (100m, 128Mi) thousands of
     * times and several rules read each one, so the regex and decimal arithmetic run once per text;
     * bounded so that hostile input cannot grow it.
     */
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Optional<Quantity>> CACHE = new ConcurrentHashMap<>();

    /** Parses a quantity as written in a manifest; empty when Kubernetes would reject it. */
    public static Optional<Quantity> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<Quantity> cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Optional<Quantity> parsed = read(text);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(text, parsed);
        }
        return parsed;
    }

    private static Optional<Quantity> read(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal number = new BigDecimal(withLeadingZero(m.group(1)));
        BigDecimal value;
        if (!MULTIPLIERS.containsKey(suffix)) { // an exponent: e3, E-2 (but Ei and E are suffixes)
            int exp;
            try {
                exp = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (Math.abs(exp) > MAX_EXPONENT) {
                return Optional.empty();
            }
            value = number.scaleByPowerOfTen(exp);
        } else {
            value = number.multiply(MULTIPLIERS.get(suffix));
        }
        return Optional.of(new Quantity(text, value, suffix));
    }

    /** BigDecimal needs a digit before the point: .5 is read as 0.5, -.5 as -0.5. */
    private static String withLeadingZero(String number) {
        int point = number.indexOf('.');
        boolean signed = number.startsWith("+") || number.startsWith("-");
        return point == (signed ? 1 : 0) ? number.substring(0, point) + "0" + number.substring(point) : number;
    }

    /**
     * Reads a quantity node of a manifest: a string in quantity syntax or a JSON number (YAML
     * {@code cpu: 2}). Empty for anything else, including booleans, maps and lists.
     */
    public static Optional<Quantity> of(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            BigDecimal v = node.decimalValue();
            return Optional.of(new Quantity(node.asText(), v, ""));
        }
        return node.isTextual() ? parse(node.asText()) : Optional.empty();
    }

    /** True when the quantity uses a binary suffix (Ki, Mi...). */
    public boolean binary() {
        return suffix.length() == 2 && suffix.endsWith("i");
    }

    public boolean negative() {
        return value.signum() < 0;
    }

    /** Whether the value is a whole number (1, 2k, 3e2), as extended resources must be. */
    public boolean whole() {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** Equal amounts, however written: {@code 1} equals {@code 1000m}. */
    public boolean sameAmount(Quantity o) {
        return value.compareTo(o.value) == 0;
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }
}
