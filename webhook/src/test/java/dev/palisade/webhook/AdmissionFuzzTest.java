package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.config.ConfigException;
import dev.palisade.model.TypedModels;

/**
 * Fuzzes request decoding, review and answer encoding with arbitrary bytes: either a 400 reason, or
 * a well-formed answer echoing the uid with API-server-safe warnings; never an exception (which the
 * server would have to turn into a fail-open). `mvn test` replays the seeds in
 * src/test/resources/dev/palisade/webhook/AdmissionFuzzTestInputs; JAZZER_FUZZ=1 fuzzes for real.
 */
class AdmissionFuzzTest {
    private static final ConfigSnapshot SNAPSHOT;
    private static final Reviewer REVIEWER = new Reviewer(ClusterIndex.none(), new Metrics(), "palisade-system");

    static {
        try {
            SNAPSHOT = ConfigSnapshot.parse(Harness.CATALOG, "fuzz",
                    "rules: {test-image-latest: on, test-single-replica: on}\nwebhook: {mode: enforce}\n");
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void decodeAndReview(byte[] data) throws Exception {
        AdmissionRequest req;
        try {
            req = AdmissionRequest.decode(data);
        } catch (AdmissionRequest.Malformed e) {
            assertFalse(e.getMessage().isBlank());
            return;
        }
        Verdict v = REVIEWER.review(req, SNAPSHOT);
        JsonNode answer = TypedModels.MAPPER.readTree(WebhookServer.encode(req, v));
        assertEquals(req.uid(), answer.path("response").path("uid").asText());
        assertEquals(req.apiVersion(), answer.path("apiVersion").asText());
        int runes = 0;
        for (JsonNode w : answer.path("response").path("warnings")) {
            assertFalse(w.asText().chars().anyMatch(Character::isISOControl), w.asText());
            runes += w.asText().codePointCount(0, w.asText().length());
        }
        assertTrue(runes <= 4096);
        assertFalse(v.ruleIds().stream().anyMatch(id -> id.startsWith("internal-error")), () -> "a rule crashed: " + v);
    }
}
