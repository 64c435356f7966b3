package dev.palisade.cli.render;

/** Rendering a chart or kustomization failed; the message is for the user, as is. */
public final class RenderException extends Exception {
    public RenderException(String message) {
        super(message, null, false, false);
    }
}
