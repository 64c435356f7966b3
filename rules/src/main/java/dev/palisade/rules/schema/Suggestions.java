package dev.palisade.rules.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** "Did you mean": the known field closest to a misspelt one, when it is close enough to be the intent. */
final class Suggestions {
    private Suggestions() {
    }

    /** The name among {@code known}'s field names nearest to {@code field}, or null if none is near. */
    static String closest(String field, JsonNode known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var it = known.fieldNames(); it.hasNext();) {
            String candidate = it.next();
            int d = distance(field.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // One edit per four letters: catches contianers/containers and replica/replicas, not image/name.
        int allowed = Math.max(1, Math.min(3, field.length() / 4));
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
