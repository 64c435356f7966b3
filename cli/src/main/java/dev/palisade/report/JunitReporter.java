package dev.palisade.report;

import dev.palisade.engine.Finding;
import dev.palisade.load.SourceFile;
import dev.palisade.model.ManifestObject;
import dev.palisade.model.ObjectRef;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test reports (GitLab, Jenkins): one test suite per file, one test case per object
 * (plus one for the file itself when something is wrong outside any object, e.g. a syntax error). A
 * test case fails when it has findings at or above {@code --fail-on}, so the report agrees with the
 * exit code; its failure lists every such finding, and lower ones go to {@code system-out}.
 */
public final class JunitReporter implements Reporter {
    /** The findings of one test case. */
    private record Case(String name, List<Finding> findings) {
    }

    @Override
    public void write(ReportContext run, Writer out) throws IOException {
        Map<String, Map<String, Case>> suites = casesByFile(run);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "palisade");
            xml.writeAttribute("tests", String.valueOf(suites.values().stream().mapToInt(Map::size).sum()));
            xml.writeAttribute("failures", String.valueOf(suites.values().stream()
                    .flatMap(m -> m.values().stream()).filter(c -> failed(run, c)).count()));
            xml.writeCharacters("\n");
            for (Map.Entry<String, Map<String, Case>> suite : suites.entrySet()) {
                writeSuite(run, xml, suite.getKey(), suite.getValue().values());
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void writeSuite(ReportContext run, XMLStreamWriter xml, String file, java.util.Collection<Case> cases)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(file));
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> failed(run, c)).count()));
        xml.writeAttribute("errors", "0");
        xml.writeCharacters("\n");
        for (Case c : cases) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", clean(file));
            xml.writeAttribute("name", clean(c.name()));
            xml.writeAttribute("file", clean(file));
            List<Finding> failing = c.findings().stream().filter(f -> run.fails(f.severity())).toList();
            List<Finding> other = c.findings().stream().filter(f -> !run.fails(f.severity())).toList();
            if (!failing.isEmpty()) {
                Finding first = failing.get(0);
                xml.writeStartElement("failure");
                xml.writeAttribute("type", first.rule());
                xml.writeAttribute("message", clean(failing.size() == 1 ? first.message()
                        : failing.size() + " findings, first: " + first.rule() + ": " + first.message()));
                xml.writeCharacters(clean(describe(failing)));
                xml.writeEndElement();
            }
            if (!other.isEmpty()) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(describe(other)));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static boolean failed(ReportContext run, Case c) {
        return c.findings().stream().anyMatch(f -> run.fails(f.severity()));
    }

    private static String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder("\n");
        for (Finding f : findings) {
            sb.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append("  ")
                    .append(f.severity().label()).append("  ").append(f.rule()).append("  ").append(f.message())
                    .append("\n    fix: ").append(f.remediation()).append("\n    docs: ").append(f.docs()).append('\n');
        }
        return sb.toString();
    }

    /** File to test cases in file order: each object, then findings that belong to no object. */
    private static Map<String, Map<String, Case>> casesByFile(ReportContext run) {
        Map<String, Map<String, Case>> suites = new LinkedHashMap<>();
        Map<String, List<ObjectRef>> objectsByFile = new LinkedHashMap<>();
        for (SourceFile f : run.report().files()) {
            Map<String, Case> cases = suites.computeIfAbsent(f.path(), k -> new LinkedHashMap<>());
            for (ManifestObject o : f.objects()) {
                String name = caseName(ref(o));
                cases.putIfAbsent(name, new Case(name, new ArrayList<>()));
                objectsByFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(ref(o));
            }
        }
        for (Finding f : run.report().findings()) {
            Map<String, Case> cases = suites.computeIfAbsent(f.file(), k -> new LinkedHashMap<>());
            boolean known = objectsByFile.getOrDefault(f.file(), List.of()).stream()
                    .anyMatch(r -> sameObject(r, f.object()));
            String name = known ? caseName(f.object()) : "(file)";
            cases.computeIfAbsent(name, n -> new Case(n, new ArrayList<>())).findings().add(f);
        }
        suites.values().removeIf(Map::isEmpty);
        return suites;
    }

    private static ObjectRef ref(ManifestObject o) {
        return new ObjectRef(o.ref().apiVersion(), o.kind(), o.namespace(), o.name());
    }

    private static boolean sameObject(ObjectRef a, ObjectRef b) {
        return b.kind() != null && Objects.equals(a.kind(), b.kind()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.namespace(), b.namespace());
    }

    /** XML 1.0 cannot carry most control characters, even escaped; a message quoting one gets U+FFFD. */
    private static String clean(String s) {
        return s.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "\uFFFD");
    }

    private static String caseName(ObjectRef r) {
        return r.display();
    }
}
