package com.clinic.notifications.rest;

import com.clinic.notifications.domain.Channel;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Describes {@link Channel} once, as the component {@value #NAME}, and refers to it wherever a channel
 * appears. Inlined, the enum of the preferences' two maps of channel lists made client generators
 * declare the same nested enum twice, and a generated client did not compile. The domain enum stays
 * free of OpenAPI annotations, so the reference is made here.
 */
@Component
class ChannelSchema implements ModelConverter {

    static final String NAME = "NotificationChannel";

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type.getType() != null
                && Json.mapper().constructType(type.getType()).getRawClass() == Channel.class) {
            Schema<Object> channel = new JsonSchema().types(Set.of("string"));
            channel.description("How a message reaches its recipient.");
            channel.setEnum(
                    Arrays.stream(Channel.values()).<Object>map(Enum::name).toList());
            context.defineModel(NAME, channel);
            return new JsonSchema().$ref("#/components/schemas/" + NAME);
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
