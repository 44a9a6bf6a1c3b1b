package org.no3rr.station.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Arrays;

/**
 * JSON read as written, never coerced: every decimal number must be a JSON number and finite —
 * {@code "NaN"}, {@code "1.0"} (a string) and {@code 1e400} (which overflows to infinity) are refused
 * naming the field, instead of Jackson's leniency turning {@code "NaN"} into NaN and then into a silent
 * null — and a text field takes a JSON string, not a number or a boolean. Also bounds the shape of a
 * document: strings of at most 1,000,000 characters, nesting at most 64 deep.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Thrown for a value that is not a finite JSON number; the message starts "must be". */
    public static final class NotAFiniteNumber extends JsonMappingException {
        NotAFiniteNumber(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(1_000_000).maxNestingDepth(64).build());
        SimpleModule module = new SimpleModule("strict-numbers");
        module.addDeserializer(Double.class, new FiniteDouble(Double.class));
        module.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE));
        module.addDeserializer(double[].class, new FiniteDoubles());
        mapper.registerModule(module);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    static double finite(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            String found = token == JsonToken.VALUE_STRING ? "the string \"" + shorten(parser.getText()) + "\""
                    : "a JSON " + describe(token);
            throw new NotAFiniteNumber(parser, "must be a number, written without quotes (e.g. 1.5), was " + found);
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new NotAFiniteNumber(parser, "must be a finite number, was " + parser.getText()
                    + ", which is beyond the range of a double");
        }
        return value;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static final class FiniteDouble extends StdDeserializer<Double> {

        private final boolean primitive;

        FiniteDouble(Class<?> type) {
            super(type);
            this.primitive = type.isPrimitive();
        }

        /** As Jackson's own: null is null for a Double, 0 for a double. */
        @Override
        public Double getNullValue(DeserializationContext context) {
            return primitive ? 0.0 : null;
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return finite(parser);
        }
    }

    private static final class FiniteDoubles extends StdDeserializer<double[]> {

        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                throw new NotAFiniteNumber(parser, "must be an array of numbers, e.g. [0, 1e-5, 2e-5], was "
                        + (parser.currentToken() == JsonToken.VALUE_STRING ? "a string" : "a JSON "
                        + describe(parser.currentToken())));
            }
            double[] values = new double[8];
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                }
                try {
                    values[count] = finite(parser);
                } catch (NotAFiniteNumber e) {
                    throw (NotAFiniteNumber) JsonMappingException.wrapWithPath(e, values, count);
                }
                count++;
            }
            return Arrays.copyOf(values, count);
        }
    }
}
