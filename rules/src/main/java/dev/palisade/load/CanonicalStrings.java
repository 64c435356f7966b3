package dev.palisade.load;

/**
 * One shared {@code String} instance per short text the fast YAML reader meets again and again: the
 * keys of a manifest ({@code metadata}, {@code containers}, {@code image}...) and its common values
 * ({@code apps/v1}, {@code TCP}, {@code IfNotPresent}...).
 *
 * <p>Why: every tree lookup a rule makes ({@code node.get("spec")}) is a hash map lookup whose key
 * comparison is an identity hit when the tree's key is the very instance of the rule's literal, and a
 * byte-by-byte comparison otherwise; and 50,000 objects holding their own copy of each key cost tens
 * of megabytes of heap. Keys are interned, so they are the instances of the code's literals too.
 *
 * <p>The tables are lossy and lock-free: one slot per hash, a colliding text simply replaces the
 * slot's occupant (the next occurrence of the old one makes a new instance, equal in content). A
 * racing read sees either string, both complete ({@code String} is immutable), so sharing the tables
 * between loader threads is safe. Hostile input cannot grow them: their size is fixed, and long texts
 * are never kept.
 */
final class CanonicalStrings {
    /** Texts longer than this are rarely repeated (descriptions, certificates): not kept. */
    private static final int MAX_CHARS = 64;
    private static final int KEY_SLOTS = 1 << 12;
    private static final int VALUE_SLOTS = 1 << 13;
    private static final String[] KEYS = new String[KEY_SLOTS];
    private static final String[] VALUES = new String[VALUE_SLOTS];

    private CanonicalStrings() {
    }

    /** A mapping key: interned, so that it is the instance of an equal string literal. */
    static String key(char[] buf, int start, int end) {
        return lookup(KEYS, buf, start, end, true);
    }

    /** A scalar value (names and other one-off texts take a slot but are not interned). */
    static String value(char[] buf, int start, int end) {
        return lookup(VALUES, buf, start, end, false);
    }

    private static String lookup(String[] table, char[] buf, int start, int end, boolean intern) {
        int length = end - start;
        if (length > MAX_CHARS) {
            return new String(buf, start, length);
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + buf[i];
        }
        int slot = (hash ^ (hash >>> 15)) & (table.length - 1);
        String known = table[slot];
        if (known != null && sameText(known, buf, start, length)) {
            return known;
        }
        String fresh = new String(buf, start, length);
        if (intern) {
            fresh = fresh.intern();
        }
        table[slot] = fresh;
        return fresh;
    }

    private static boolean sameText(String s, char[] buf, int start, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != buf[start + i]) {
                return false;
            }
        }
        return true;
    }
}
