package dev.palisade.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerFactory;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.impl.ObjectIdReader;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.lang.reflect.Modifier;

/**
 * Builds Jackson's deserializer of a fabric8 model class when a document first holds a value of that
 * class, instead of when a class with a field of it is built. Jackson resolves the properties of a bean
 * deserializer eagerly, so reading one Pod built and introspected deserializers for the whole graph
 * reachable from Pod (every volume source, every probe handler, ...): about a quarter of the CPU of a
 * one-file lint. With this, a Pod with a few fields builds the few classes it uses.
 *
 * <p>The deserializer that finally reads is the one Jackson builds itself ({@link
 * BeanDeserializerFactory#buildBeanDeserializer}, then resolved and contextualised as Jackson would),
 * so values, errors and their paths are the same; only classes whose deserializer Jackson would build
 * that way (concrete beans without object identities) are deferred.
 */
final class LazyModelDeserializers extends Deserializers.Base {
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model.";

    @Override
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
        Class<?> raw = type.getRawClass();
        boolean plainModelBean = raw.getName().startsWith(MODEL_PACKAGE)
                && !type.isAbstract() && !type.isThrowable() && !type.isEnumType() && !type.isContainerType()
                && !Modifier.isAbstract(raw.getModifiers()) && !raw.isMemberClass() && !raw.isLocalClass()
                && beanDesc.getObjectIdInfo() == null;
        return plainModelBean ? new Deferred(type, new Built(beanDesc), null) : null;
    }

    /** The resolved, not yet contextualised deserializer of one class, built once on first use. */
    private static final class Built {
        private final BeanDescription beanDesc;
        private JsonDeserializer<Object> deserializer;

        Built(BeanDescription beanDesc) {
            this.beanDesc = beanDesc;
        }

        synchronized JsonDeserializer<Object> get(DeserializationContext ctxt, JavaType type) throws IOException {
            if (deserializer == null) {
                JsonDeserializer<Object> d = ctxt.getFactory() instanceof BeanDeserializerFactory f
                        ? f.buildBeanDeserializer(ctxt, type, beanDesc)
                        : ctxt.getFactory().createBeanDeserializer(ctxt, type, beanDesc);
                if (d instanceof ResolvableDeserializer r) {
                    r.resolve(ctxt);
                }
                deserializer = d;
            }
            return deserializer;
        }
    }

    /** Stands where the bean deserializer would; contextualised per property like the real one. */
    private static final class Deferred extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final JavaType type;
        private final Built built;
        private final BeanProperty property;
        private final boolean contextual;
        private volatile JsonDeserializer<Object> delegate;

        Deferred(JavaType type, Built built, BeanProperty property) {
            this(type, built, property, false);
        }

        private Deferred(JavaType type, Built built, BeanProperty property, boolean contextual) {
            this.type = type;
            this.built = built;
            this.property = property;
            this.contextual = contextual;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return new Deferred(type, built, property, true);
        }

        @SuppressWarnings("unchecked")
        private JsonDeserializer<Object> delegate(DeserializationContext ctxt) throws IOException {
            JsonDeserializer<Object> d = delegate;
            if (d == null) {
                d = built.get(ctxt, type);
                if (contextual) {
                    d = (JsonDeserializer<Object>) ctxt.handlePrimaryContextualization(d, property, type);
                }
                delegate = d;
            }
            return d;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return delegate(ctxt).deserialize(p, ctxt);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
            return delegate(ctxt).deserialize(p, ctxt, intoValue);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
                throws IOException {
            return delegate(ctxt).deserializeWithType(p, ctxt, typeDeserializer);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return null; // what a bean deserializer gives for null
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.ALWAYS_NULL;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
            try {
                return delegate(ctxt).getEmptyValue(ctxt);
            } catch (JsonMappingException e) {
                throw e;
            } catch (IOException e) {
                throw JsonMappingException.from(ctxt, e.getMessage(), e);
            }
        }

        @Override
        public AccessPattern getEmptyAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public ObjectIdReader getObjectIdReader() {
            return null; // only classes without object identities are deferred
        }

        @Override
        public Class<?> handledType() {
            return type.getRawClass();
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.POJO;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
