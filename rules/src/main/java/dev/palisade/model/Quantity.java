package dev.palisade.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 2e3}) as an exact decimal, parsed
 * with the grammar of k8s.io/apimachinery's resource.Quantity.
 */
public record Quantity(String text, BigDecimal value, String suffix) implements Comparable<Quantity> {
    private static final Pattern FORMAT =
            Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

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
            Map.entry("Ki", BigDecimal.valueOf(1024L)),
            Map.entry("Mi", BigDecimal.valueOf(1024L * 1024)),
            Map.entry("Gi", BigDecimal.valueOf(1024L * 1024 * 1024)),
            Map.entry("Ti", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024)),
            Map.entry("Pi", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024)),
            Map.entry("Ei", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024 * 1024)));

    /** Parses a quantity as written in a manifest; empty when Kubernetes would reject it. */
    public static Optional<Quantity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.length() > 64) {
            return Optional.empty(); // apimachinery refuses absurdly long quantities as well
        }
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal number = new BigDecimal(m.group(1).startsWith(".") || m.group(1).startsWith("+.")
                || m.group(1).startsWith("-.") ? m.group(1).replaceFirst("\\.", "0.") : m.group(1));
        BigDecimal value;
        if (suffix.startsWith("e") || suffix.startsWith("E")) {
            int exp = Integer.parseInt(suffix.substring(1));
            if (Math.abs(exp) > 100) {
                return Optional.empty();
            }
            value = number.scaleByPowerOfTen(exp);
        } else {
            value = number.multiply(MULTIPLIERS.get(suffix));
        }
        return Optional.of(new Quantity(t, value, suffix));
    }

    /** True when the quantity uses a binary suffix (Ki, Mi...). */
    public boolean binary() {
        return suffix.length() == 2 && suffix.endsWith("i");
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }
}
