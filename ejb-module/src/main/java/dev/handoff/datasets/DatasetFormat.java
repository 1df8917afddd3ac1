package dev.handoff.datasets;

import dev.handoff.InvalidRequestException;
import java.io.InputStream;
import java.util.Locale;

/** How a dataset's content is written, as uploaded and as stored. */
public enum DatasetFormat {

    /** A JSON array of flat objects. */
    JSON("json", "application/json") {
        @Override
        public DatasetRowReader openRows(InputStream content) {
            return new JsonRowReader(content);
        }
    },

    /** CSV with a header row, as RFC 4180 describes it. */
    CSV("csv", "text/csv") {
        @Override
        public DatasetRowReader openRows(InputStream content) {
            return new CsvRowReader(content);
        }
    };

    private final String wireName;
    private final String mediaType;

    DatasetFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    /** Reads the rows of content in this format; the reader owns the stream and closes it. */
    public abstract DatasetRowReader openRows(InputStream content);

    /** The name the API and the database use: {@code json} or {@code csv}. */
    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    public static DatasetFormat ofWireName(String name) {
        for (DatasetFormat format : values()) {
            if (format.wireName.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("No dataset format named '" + name + "'");
    }

    /**
     * The format a request's {@code Content-Type} announces.
     *
     * @throws InvalidRequestException when it is neither JSON nor CSV, or names a charset other than UTF-8
     */
    public static DatasetFormat ofContentType(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        for (DatasetFormat format : values()) {
            if (format.mediaType.equals(type)) {
                checkCharset(parts);
                return format;
            }
        }
        throw new InvalidRequestException("A dataset is sent as application/json (an array of flat objects) "
                + "or text/csv (with a header row); the Content-Type was "
                + (type.isEmpty() ? "missing" : "'" + abbreviate(type) + "'") + ".");
    }

    private static void checkCharset(String[] contentTypeParts) {
        for (int i = 1; i < contentTypeParts.length; i++) {
            String[] parameter = contentTypeParts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("us-ascii")) {
                    throw new InvalidRequestException(
                            "Datasets are read as UTF-8; the charset was '" + abbreviate(charset) + "'.");
                }
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
