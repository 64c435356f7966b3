package dev.palisade.rules.images;

import dev.palisade.engine.ObjectContext;
import dev.palisade.model.JsonPath;
import dev.palisade.model.PodTemplateView.ContainerAt;

/** Walks the containers (init ones too) of any object that runs pods, with their parsed images. */
final class Images {
    private Images() {
    }

    /** Calls {@code action} with each container whose image parses, and the JSON path of its image. */
    static void forEach(ObjectContext ctx, ImageAction action) {
        ctx.podTemplate().ifPresent(t -> {
            for (ContainerAt c : t.allContainers()) {
                ImageRef ref = ImageRef.parse(c.container().getImage());
                if (ref != null) {
                    action.accept(c, ref, JsonPath.child(c.path(), "image"));
                }
            }
        });
    }

    @FunctionalInterface
    interface ImageAction {
        void accept(ContainerAt container, ImageRef image, String imagePath);
    }
}
