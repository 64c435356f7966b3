package dev.palisade.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceLinesTest {
    @Test
    void splitsAsTheRegexDid() {
        for (String text : List.of("", "a", "a\n", "a\r\nb", "\r\n", "a\rb\n\nc\r\n", "\n\n")) {
            assertEquals(List.of(text.split("\r?\n", -1)), new SourceLines(text), () -> "lines of " + text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void loadedFilesKeepTheirLinesForReporters() {
        SourceFile f = new ManifestLoader().load("crlf.yaml", "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: x}\r\n");
        assertEquals(4, f.lines().size());
        assertEquals("kind: ConfigMap", f.line(2));
        assertEquals("", f.line(9));
    }
}
