package dev.palisade.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLogTest {
    /** The cached per-second text must print every instant exactly as Instant.toString does. */
    @Test
    void timestampIsInstantToString() {
        long[] seconds = {0, 1_795_000_000L, 253_402_300_799L, -1, 1_795_000_000L};
        int[] nanos = {0, 1, 1_000, 5_000, 1_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999};
        for (long second : seconds) {
            for (int nano : nanos) {
                Instant i = Instant.ofEpochSecond(second, nano);
                assertEquals(i.toString(), JsonLog.timestamp(i));
            }
        }
        Instant now = Instant.now();
        assertEquals(now.toString(), JsonLog.timestamp(now));
    }
}
