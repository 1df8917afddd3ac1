package dev.handoff.reports;

import dev.handoff.datasets.DatasetInfo;
import dev.handoff.datasets.DatasetName;
import dev.handoff.jobs.spi.InvalidPayloadException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Properties;

/**
 * A report job's payload: {@code {"dataset", "groupBy", "measure", "threshold", "skipLimit"?, "itemCount"?}}.
 */
record ReportRequest(String dataset, String groupBy, String measure, BigDecimal threshold, int skipLimit,
        int itemCount) {

    static final int DEFAULT_SKIP_LIMIT = 100;
    static final int DEFAULT_ITEM_COUNT = 500;
    static final int MAX_ITEM_COUNT = 10_000;
    static final int MAX_FIELD_NAME_LENGTH = 200;

    private static final List<String> FIELDS = List.of(
            "dataset", "groupBy", "measure", "threshold", "skipLimit", "itemCount");

    static ReportRequest from(JsonObject payload) throws InvalidPayloadException {
        checkNoUnknownFields(payload);
        return new ReportRequest(
                datasetName(payload),
                fieldName(payload, "groupBy"),
                fieldName(payload, "measure"),
                number(payload, "threshold"),
                wholeNumber(payload, "skipLimit", 0, Integer.MAX_VALUE, DEFAULT_SKIP_LIMIT),
                wholeNumber(payload, "itemCount", 1, MAX_ITEM_COUNT, DEFAULT_ITEM_COUNT));
    }

    /** The parameters of a batch execution over the dataset, allowed {@code skipAllowance} more skips. */
    Properties jobParameters(String jobId, DatasetInfo data, int skipAllowance) {
        Properties parameters = new Properties();
        parameters.setProperty(ReportJob.JOB_ID, jobId);
        parameters.setProperty(ReportJob.DATASET, dataset);
        parameters.setProperty(ReportJob.DATASET_VERSION, data.updatedAt().toString());
        parameters.setProperty(ReportJob.DATASET_ROWS, Long.toString(data.rows()));
        parameters.setProperty(ReportJob.GROUP_BY, groupBy);
        parameters.setProperty(ReportJob.MEASURE, measure);
        parameters.setProperty(ReportJob.THRESHOLD, threshold.toPlainString());
        parameters.setProperty(ReportJob.ITEM_COUNT, Integer.toString(itemCount));
        parameters.setProperty(ReportJob.SKIP_LIMIT, Integer.toString(skipLimit));
        parameters.setProperty(ReportJob.SKIP_ALLOWANCE, Integer.toString(skipAllowance));
        return parameters;
    }

    private static void checkNoUnknownFields(JsonObject payload) throws InvalidPayloadException {
        for (String field : payload.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidPayloadException("Unknown field \"" + abbreviate(field)
                        + "\" in a report payload; the fields are " + String.join(", ", FIELDS) + ".");
            }
        }
    }

    private static String datasetName(JsonObject payload) throws InvalidPayloadException {
        String name = string(payload, "dataset", "the name of an uploaded dataset");
        if (!DatasetName.isValid(name)) {
            throw new InvalidPayloadException("\"dataset\" must match " + DatasetName.PATTERN_TEXT + ".");
        }
        return name;
    }

    private static String fieldName(JsonObject payload, String field) throws InvalidPayloadException {
        String name = string(payload, field, "the name of a field of the dataset's rows");
        if (name.isEmpty() || name.length() > MAX_FIELD_NAME_LENGTH) {
            throw new InvalidPayloadException("\"" + field + "\" must be 1 to " + MAX_FIELD_NAME_LENGTH
                    + " characters long.");
        }
        return name;
    }

    private static String string(JsonObject payload, String field, String what) throws InvalidPayloadException {
        JsonValue value = payload.get(field);
        if (!(value instanceof JsonString)) {
            throw new InvalidPayloadException("\"" + field + "\" is required: a string, " + what + ".");
        }
        return ((JsonString) value).getString();
    }

    private static BigDecimal number(JsonObject payload, String field) throws InvalidPayloadException {
        JsonValue value = payload.get(field);
        if (!(value instanceof JsonNumber)) {
            throw new InvalidPayloadException("\"" + field + "\" is required: a number; the report counts the "
                    + "rows whose measure is above it.");
        }
        return ((JsonNumber) value).bigDecimalValue();
    }

    private static int wholeNumber(JsonObject payload, String field, int min, int max, int defaultValue)
            throws InvalidPayloadException {
        JsonValue value = payload.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof JsonNumber) || !((JsonNumber) value).isIntegral()
                || ((JsonNumber) value).bigDecimalValue().compareTo(BigDecimal.valueOf(min)) < 0
                || ((JsonNumber) value).bigDecimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidPayloadException("\"" + field + "\" must be a whole number from " + min + " to "
                    + max + " (" + defaultValue + " when left out).");
        }
        return ((JsonNumber) value).intValue();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
