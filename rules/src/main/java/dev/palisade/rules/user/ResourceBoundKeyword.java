package dev.palisade.rules.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbstractJsonValidator;
import com.networknt.schema.AbstractKeyword;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import dev.palisade.model.Quantity;
import java.util.Optional;
import java.util.Set;

/**
 * Polaris's JSON Schema extension {@code resourceMinimum} / {@code resourceMaximum}: bounds on a
 * Kubernetes quantity ({@code 100m}, {@code 6G}), compared as quantities, so that Polaris resource checks
 * port unchanged.
 */
final class ResourceBoundKeyword extends AbstractKeyword {
    private final boolean minimum;

    private ResourceBoundKeyword(boolean minimum) {
        super(minimum ? "resourceMinimum" : "resourceMaximum");
        this.minimum = minimum;
    }

    static final ResourceBoundKeyword MINIMUM = new ResourceBoundKeyword(true);
    static final ResourceBoundKeyword MAXIMUM = new ResourceBoundKeyword(false);

    @Override
    public JsonValidator newValidator(SchemaLocation location, JsonNodePath evaluationPath, JsonNode schemaNode,
            JsonSchema parentSchema, ValidationContext context) {
        Quantity bound = Quantity.of(schemaNode).orElseThrow(() -> new JsonSchemaException(
                getValue() + " must be a Kubernetes quantity such as 100m or 1Gi, not " + schemaNode));
        return new AbstractJsonValidator(location, evaluationPath, this, schemaNode) {
            @Override
            public Set<ValidationMessage> validate(ExecutionContext ctx, JsonNode node, JsonNode root,
                    JsonNodePath instanceLocation) {
                if (!node.isTextual() && !node.isNumber()) {
                    return Set.of(); // other types are for the type keyword to judge
                }
                Optional<Quantity> value = Quantity.of(node);
                String problem = value.isEmpty() ? node.asText() + " is not a Kubernetes quantity"
                        : minimum && value.get().compareTo(bound) < 0 ? value.get().text() + " is below the minimum " + bound.text()
                        : !minimum && value.get().compareTo(bound) > 0 ? value.get().text() + " is above the maximum " + bound.text()
                        : null;
                if (problem == null) {
                    return Set.of();
                }
                return Set.of(ValidationMessage.builder().type(getValue()).code(getValue())
                        .instanceLocation(instanceLocation).evaluationPath(getEvaluationPath())
                        .schemaLocation(getSchemaLocation()).instanceNode(node).schemaNode(schemaNode)
                        .messageSupplier(() -> problem).build());
            }
        };
    }
}
