package dev.palisade.rules.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What pvc-access-mode-invalid proposes for a mode it does not know. */
class AccessModeSuggestionTest {
    @ParameterizedTest
    @CsvSource({"RWO,ReadWriteOnce", "rwx,ReadWriteMany", "ROX,ReadOnlyMany", "RWOP,ReadWriteOncePod",
        "readwriteonce,ReadWriteOnce", "Read-Write-Many,ReadWriteMany", "read_only_many,ReadOnlyMany",
        "' ReadWriteOncePod',ReadWriteOncePod"})
    void shorthandsAndCaseSlipsAreRecognised(String written, String meant) {
        assertEquals(meant, PvcAccessModeInvalid.suggestion(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ReadWriteOnly", "RW", "Shared", ""})
    void otherWordsGetNoGuess(String written) {
        assertNull(PvcAccessModeInvalid.suggestion(written));
    }
}
