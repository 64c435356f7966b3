package dev.palisade.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuantityTest {
    private static BigDecimal value(String text) {
        return Quantity.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text)).value();
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1", "500m, 0.5", "1.5, 1.5", "1., 1", ".5, 0.5", "+.5, 0.5", "-1, -1",
        "1Ki, 1024", "1Mi, 1048576", "1Gi, 1073741824", "1Ei, 1152921504606846976",
        "1E, 1000000000000000000", "2P, 2000000000000000", "1k, 1000", "1M, 1000000", "1G, 1000000000",
        "100n, 0.0000001", "3u, 0.000003",
        "1e3, 1000", "1E3, 1000", "1e+3, 1000", "1e-3, 0.001", "12E-1, 1.2", "0, 0"
    })
    void parsesTheApimachineryGrammar(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(value(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "abc", "1.5.5", "1GB", "1Gb", "1gi", "1KI", "1e", "1e3.5", "1K",
        "1Mb", "e3", ".", "1ki", "--1", "1e99999999999", "1e2000", "0x10", "1_000"})
    void refusesWhatTheApiServerRejects(String text) {
        assertTrue(Quantity.parse(text).isEmpty(), "accepted: '" + text + "'");
    }

    @Test
    void comparesAcrossSuffixes() {
        assertTrue(value("500m").compareTo(value("1")) < 0);
        assertTrue(value("1Gi").compareTo(value("1G")) > 0);
        assertTrue(Quantity.parse("1").orElseThrow().sameAmount(Quantity.parse("1000m").orElseThrow()));
        assertTrue(Quantity.parse("1Ei").orElseThrow().compareTo(Quantity.parse("1E").orElseThrow()) > 0);
    }

    @Test
    void wholeNumbers() {
        assertTrue(Quantity.parse("2").orElseThrow().whole());
        assertTrue(Quantity.parse("2000m").orElseThrow().whole());
        assertTrue(Quantity.parse("1e2").orElseThrow().whole());
        assertFalse(Quantity.parse("500m").orElseThrow().whole());
        assertFalse(Quantity.parse("1.5").orElseThrow().whole());
    }

    @Test
    void readsJsonNumbersAndRefusesOtherNodes() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertEquals(0, BigDecimal.valueOf(2).compareTo(Quantity.of(f.numberNode(2)).orElseThrow().value()));
        assertEquals(0, new BigDecimal("0.5").compareTo(Quantity.of(f.numberNode(0.5)).orElseThrow().value()));
        assertTrue(Quantity.of(f.booleanNode(true)).isEmpty());
        assertTrue(Quantity.of(f.objectNode()).isEmpty());
        assertTrue(Quantity.of(f.textNode("1Gi")).isPresent());
    }
}
