package dev.palisade.load;

import dev.palisade.model.ManifestObject;
import java.util.List;

/**
 * One input file after loading: the objects it holds, the problems met reading it, and its lines
 * (kept so reporters can show the offending line).
 */
public record SourceFile(String path, List<ManifestObject> objects, List<LoadProblem> problems, List<String> lines) {
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }
}
