package dev.handoff.jobs;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a JSON text strictly: exactly one value, nothing after it, and no name twice in one object
 * (JSON-P would keep the last silently, so a caller could not tell which one counted).
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** @throws JsonException saying what is wrong with the text */
    public static JsonValue read(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            JsonValue value = value(parser, parser.next());
            if (parser.hasNext()) {
                throw new JsonException("there is more after its value");
            }
            return value;
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event) {
        return switch (event) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            default -> parser.getValue();
        };
    }

    private static JsonValue object(JsonParser parser) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (!names.add(name)) {
                throw new JsonException("the name \"" + name + "\" appears twice in one object");
            }
            object.add(name, value(parser, parser.next()));
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event));
        }
        return array.build();
    }
}
