package dev.palisade.load;

/**
 * Bounds that keep hostile input from exhausting memory or time.
 *
 * @param maxFileChars     characters read from one file (the YAML stream)
 * @param maxDocumentChars characters in one document: the API server refuses objects over ~1.5 MiB
 *                         in etcd and 3 MiB requests, so anything larger is not a real manifest
 * @param maxAliases       alias references per document (billion-laughs defence)
 * @param maxNodes         nodes expanded per document once aliases are followed
 * @param maxDepth         nesting depth of collections
 */
public record LoaderLimits(int maxFileChars, int maxDocumentChars, int maxAliases, int maxNodes, int maxDepth) {
    public static final LoaderLimits DEFAULT =
            new LoaderLimits(256 * 1024 * 1024, 3 * 1024 * 1024, 100, 500_000, 200);
}
