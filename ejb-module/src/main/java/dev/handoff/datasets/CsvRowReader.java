package dev.handoff.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams the rows of CSV with a header row, as RFC 4180 writes it: fields separated by commas, records by
 * CRLF or LF, a field in double quotes may hold commas, line breaks and doubled quotes. Blank lines are
 * passed over, and a UTF-8 byte order mark is dropped.
 */
final class CsvRowReader implements DatasetRowReader {

    private static final int END = -1;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int limit;
    private int line = 1;
    private List<String> header;
    private long rows;

    CsvRowReader(InputStream content) {
        this.in = Utf8.strictReader(content);
    }

    @Override
    public Map<String, String> next() throws IOException, MalformedDatasetException {
        try {
            if (header == null) {
                header = readHeader();
            }
            return nextRow();
        } catch (CharacterCodingException e) {
            throw new MalformedDatasetException("line " + line + ": the content is not valid UTF-8");
        }
    }

    @Override
    public long rowsRead() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private List<String> readHeader() throws IOException, MalformedDatasetException {
        if (peek() == '\uFEFF') {
            read();
        }
        List<String> names = readRecord();
        if (names == null) {
            throw new MalformedDatasetException("line 1: there is no header row");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                throw new MalformedDatasetException("header: column " + (i + 1) + " has no name");
            }
            if (!seen.add(names.get(i))) {
                throw new MalformedDatasetException("header: the column '" + names.get(i) + "' appears twice");
            }
        }
        return names;
    }

    private Map<String, String> nextRow() throws IOException, MalformedDatasetException {
        int recordLine = skipBlankLines();
        List<String> values = readRecord();
        if (values == null) {
            return null;
        }
        if (values.size() != header.size()) {
            throw new MalformedDatasetException("line " + recordLine + ": expected " + header.size()
                    + " fields as in the header, found " + values.size());
        }
        rows++;
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            row.put(header.get(i), values.get(i));
        }
        return row;
    }

    /** Reads one record, or returns {@code null} when the content ends first. */
    private List<String> readRecord() throws IOException, MalformedDatasetException {
        skipBlankLines();
        if (peek() == END) {
            return null;
        }
        List<String> values = new ArrayList<>(header == null ? 16 : header.size());
        while (true) {
            values.add(readField());
            int c = read();
            if (c == END || isLineBreak(c)) {
                endLine(c);
                return values;
            }
        }
    }

    private String readField() throws IOException, MalformedDatasetException {
        field.setLength(0);
        if (peek() == '"') {
            read();
            readQuoted();
        } else {
            readUnquoted();
        }
        return field.toString();
    }

    private void readUnquoted() throws IOException, MalformedDatasetException {
        for (int c = peek(); c != ',' && c != END && !isLineBreak(c); c = peek()) {
            if (c == '"') {
                throw new MalformedDatasetException("line " + line + ": a field that holds a quote must be "
                        + "enclosed in quotes, with the quote doubled");
            }
            field.append((char) read());
        }
    }

    private void readQuoted() throws IOException, MalformedDatasetException {
        int openedOn = line;
        while (true) {
            int c = read();
            if (c == END) {
                throw new MalformedDatasetException("line " + openedOn + ": a quoted field is not closed");
            }
            if (c == '"' && peek() != '"') {
                break;
            }
            if (c == '"') {
                read();
            } else if (c == '\n' || c == '\r' && peek() != '\n') {
                line++;
            }
            field.append((char) c);
        }
        int after = peek();
        if (after != ',' && after != END && !isLineBreak(after)) {
            throw new MalformedDatasetException("line " + line + ": a closing quote must end its field");
        }
    }

    /** Passes over empty lines and returns the number of the line the next record starts on. */
    private int skipBlankLines() throws IOException {
        while (isLineBreak(peek())) {
            endLine(read());
        }
        return line;
    }

    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        if (c != END) {
            line++;
        }
    }

    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r';
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        int c = peek();
        if (c != END) {
            position++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
