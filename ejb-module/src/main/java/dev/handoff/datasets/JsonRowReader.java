package dev.handoff.datasets;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** Streams the rows of a JSON array of flat objects. */
final class JsonRowReader implements DatasetRowReader {

    private final JsonParser parser;
    private boolean started;
    private boolean finished;
    private long rows;

    JsonRowReader(InputStream content) {
        this.parser = Json.createParser(Utf8.strictReader(content));
    }

    @Override
    public Map<String, String> next() throws MalformedDatasetException {
        if (finished) {
            return null;
        }
        try {
            return nextRow();
        } catch (JsonParsingException e) {
            throw malformed(e.getLocation(), withoutLocation(e.getMessage()));
        } catch (JsonException e) {
            throw unreadable(e);
        } catch (NoSuchElementException e) {
            throw malformed(parser.getLocation(), "the content ends before the array does");
        }
    }

    @Override
    public long rowsRead() {
        return rows;
    }

    @Override
    public void close() {
        parser.close();
    }

    private Map<String, String> nextRow() throws MalformedDatasetException {
        if (!started) {
            openArray();
        }
        Event event = parser.next();
        if (event == Event.END_ARRAY) {
            finish();
            return null;
        }
        if (event != Event.START_OBJECT) {
            throw malformed(parser.getLocation(), "row " + (rows + 1) + " is " + describe(event) + ", not an object");
        }
        rows++;
        return readObject();
    }

    private void openArray() throws MalformedDatasetException {
        Event event = parser.next();
        if (event != Event.START_ARRAY) {
            throw malformed(parser.getLocation(), "a JSON dataset is an array of objects; this one is "
                    + describe(event));
        }
        started = true;
    }

    private void finish() throws MalformedDatasetException {
        finished = true;
        if (parser.hasNext()) {
            throw malformed(parser.getLocation(), "there is more content after the array");
        }
    }

    private Map<String, String> readObject() throws MalformedDatasetException {
        Map<String, String> row = new LinkedHashMap<>();
        for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            String field = parser.getString();
            String value = readValue(field);
            if (row.containsKey(field)) {
                throw malformed(parser.getLocation(), "row " + rows + " has the field '" + abbreviate(field)
                        + "' twice");
            }
            row.put(field, value);
        }
        return row;
    }

    private String readValue(String field) throws MalformedDatasetException {
        Event event = parser.next();
        switch (event) {
            case VALUE_STRING:
            case VALUE_NUMBER:
                return parser.getString();
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return null;
            default:
                throw malformed(parser.getLocation(), "row " + rows + ", field '" + abbreviate(field) + "' is "
                        + describe(event) + "; a row's values must be strings, numbers, booleans or null");
        }
    }

    private MalformedDatasetException unreadable(JsonException e) {
        if (e.getCause() instanceof CharacterCodingException) {
            return malformed(parser.getLocation(), "the content is not valid UTF-8");
        }
        return malformed(parser.getLocation(), withoutLocation(e.getMessage()));
    }

    private static MalformedDatasetException malformed(JsonLocation location, String problem) {
        String where = location == null ? "" : "line " + location.getLineNumber() + ", column "
                + location.getColumnNumber() + ": ";
        return new MalformedDatasetException(where + problem);
    }

    /** Parsers put the location in their messages too; it is given once, in front. */
    private static String withoutLocation(String message) {
        return message == null ? "malformed JSON" : message.replaceAll(" at \\(line no=[^)]*\\)", "");
    }

    private static String describe(Event event) {
        switch (event) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER:
                return "a number";
            case VALUE_NULL:
                return "null";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return event.name();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
