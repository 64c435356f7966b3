package dev.palisade.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.model.TypedModels;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Kubernetes API server for informers: list answers from fixed items, filtered by a
 * {@code metadata.namespace} field selector as the real one does, watches stay open and quiet (HTTP
 * streaming or WebSocket, whichever the client asks for), chosen paths answer 403. Remembers the
 * field selectors it was asked for.
 */
final class FakeApiServer implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final Map<String, ArrayNode> items = new HashMap<>();
    private final Set<String> forbidden = new HashSet<>();
    private final Map<String, List<String>> fieldSelectors = new ConcurrentHashMap<>();
    private final HttpServer server;

    FakeApiServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Serves {@code objects} at the collection path, e.g. /apis/apps/v1/deployments. */
    FakeApiServer with(String path, List<ObjectNode> objects) {
        ArrayNode a = items.computeIfAbsent(path, k -> TypedModels.MAPPER.createArrayNode());
        objects.forEach(a::add);
        return this;
    }

    FakeApiServer forbid(String path) {
        forbidden.add(path);
        return this;
    }

    /** The field selectors list and watch requests on {@code path} carried, in order. */
    List<String> fieldSelectors(String path) {
        return fieldSelectors.getOrDefault(path, List.of());
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        String fieldSelector = req.getParam("fieldSelector", "");
        fieldSelectors.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add(fieldSelector);
        if (forbidden.contains(path)) {
            req.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\","
                            + "\"message\":\"forbidden\",\"code\":403}");
            return;
        }
        if ("true".equals(req.getParam("watch")) || "1".equals(req.getParam("watch"))) {
            if ("websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
                req.toWebSocket(); // open and quiet
            } else {
                req.response().setChunked(true).putHeader("Content-Type", "application/json").write("");
            }
            return;
        }
        ObjectNode list = TypedModels.MAPPER.createObjectNode();
        list.put("apiVersion", path.startsWith("/api/") ? "v1" : path.split("/")[2] + "/" + path.split("/")[3]);
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "100");
        ArrayNode selected = list.putArray("items");
        items.getOrDefault(path, TypedModels.MAPPER.createArrayNode()).forEach(item -> {
            if (selects(fieldSelector, item.path("metadata").path("namespace").asText())) {
                selected.add(item);
            }
        });
        req.response().putHeader("Content-Type", "application/json").end(list.toString());
    }

    /** A field selector of {@code metadata.namespace=X} and {@code metadata.namespace!=X} terms. */
    private static boolean selects(String fieldSelector, String namespace) {
        for (String term : fieldSelector.split(",")) {
            if (term.startsWith("metadata.namespace!=") && term.substring(20).equals(namespace)
                    || term.startsWith("metadata.namespace=") && !term.substring(19).equals(namespace)) {
                return false;
            }
            if (!term.isEmpty() && !term.startsWith("metadata.namespace")) {
                throw new IllegalArgumentException("field selector the fake does not know: " + term);
            }
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
