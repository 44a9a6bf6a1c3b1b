package org.no3rr.station.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * How the station speaks JSON.
 * <ul>
 *   <li>Requests are read strictly: a number sent as a string ({@code "1.0"}, {@code "NaN"}) is
 *       refused rather than coerced, so a typo never becomes a silently wrong cell parameter.</li>
 *   <li>A value that is not a number (a ratio with a zero denominator, a per-gram value without a
 *       mass) is written as {@code null}, which every JSON reader understands, never as {@code "NaN"}.</li>
 * </ul>
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        SimpleModule notANumberAsNull = new SimpleModule("not-a-number-as-null");
        notANumberAsNull.addSerializer(Double.class, new FiniteOrNull());
        notANumberAsNull.addSerializer(Double.TYPE, new FiniteOrNull());
        mapper.registerModule(notANumberAsNull);
    }

    private static final class FiniteOrNull extends StdSerializer<Double> {

        private FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                generator.writeNull();
            } else {
                generator.writeNumber(value);
            }
        }
    }
}
