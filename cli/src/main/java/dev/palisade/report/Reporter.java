package dev.palisade.report;

import java.io.IOException;
import java.io.Writer;

/** Writes one lint run in one output format. Implementations are stateless. */
public interface Reporter {
    void write(ReportContext run, Writer out) throws IOException;
}
