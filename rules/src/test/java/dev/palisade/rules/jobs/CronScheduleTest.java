package dev.palisade.rules.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {
    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "*/5 * * * *", "0 3 * * *", "0 0 1 */2 *", "15,45 9-17 * * MON-FRI",
            "0 0 * JAN,jul sun", "5/15 * * * *", "0 0 ? * 0", "0-59/10 0-23 1-31 1-12 0-6", "@hourly", "@daily",
            "@midnight", "@Weekly", "@every 1h30m", "@every 90s", "  0 3 * * *  "})
    void accepts(String schedule) {
        assertEquals(Optional.empty(), CronSchedule.problem(schedule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "* * * *", "0 0 3 * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
            "* * * * 7", "*/0 * * * *", "10-5 * * * *", "* * * * MON-FUN", "a * * * *", "1-2-3 * * * *",
            "*/5/2 * * * *", "@fortnightly", "@every soon", "0 0 L * *", "-1 * * * *", "1,,2 * * * *"})
    void rejects(String schedule) {
        assertTrue(CronSchedule.problem(schedule).isPresent(), schedule);
    }

    @Test
    void explainsTheField() {
        assertEquals(Optional.of("day of week field '7': values must be within 0-6 (Sunday is 0; 7 is not accepted)"),
                CronSchedule.problem("0 0 * * 7"));
    }
}
