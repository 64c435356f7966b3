import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The floor for lint time: read the same files and compose every YAML document with snakeyaml
 * (the parse Palisade itself does), on all cores, and nothing else.
 * Usage: java -cp palisade.jar:. ParseOnly DIR
 */
public final class ParseOnly {
    public static void main(String[] args) throws IOException {
        List<Path> files = manifestFiles(Path.of(args[0]));
        System.out.println(parse(files) + " documents in " + files.size() + " files");
    }

    /** The .yaml, .yml and .json files under {@code dir}, sorted. */
    static List<Path> manifestFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
        }
    }

    /** snakeyaml compose of every document, files in parallel; returns the number of documents. */
    static long parse(List<Path> files) {
        AtomicLong documents = new AtomicLong();
        files.parallelStream().forEach(f -> {
            try {
                LoaderOptions o = new LoaderOptions();
                o.setCodePointLimit(256 * 1024 * 1024);
                for (Node n : new Yaml(o).composeAll(new StringReader(Files.readString(f, StandardCharsets.UTF_8)))) {
                    if (n != null) {
                        documents.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return documents.get();
    }
}
