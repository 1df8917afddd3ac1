package dev.handoff.reports;

import java.math.BigDecimal;

/** What a report keeps of a row: its number, its group and its measure. */
record ReportValue(long rowNumber, String groupKey, double measure) {

    /** As long as the column {@code handoff_report_value.group_key}. */
    static final int MAX_GROUP_KEY_LENGTH = 1000;

    /**
     * Takes the group and the measure out of a row.
     *
     * @throws UnusableRowException when the group is missing or too long, or the measure is missing or not a
     *     finite number
     */
    static ReportValue of(ReportRow row, String groupBy, String measure) throws UnusableRowException {
        return new ReportValue(row.number(), groupKey(row, groupBy), measure(row, measure));
    }

    private static String groupKey(ReportRow row, String groupBy) throws UnusableRowException {
        String key = row.fields().get(groupBy);
        if (key == null || key.isEmpty()) {
            throw new UnusableRowException(row.number(), "group '" + groupBy + "' is missing");
        }
        if (key.length() > MAX_GROUP_KEY_LENGTH) {
            throw new UnusableRowException(row.number(), "group '" + groupBy + "' is longer than "
                    + MAX_GROUP_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static double measure(ReportRow row, String measure) throws UnusableRowException {
        String text = row.fields().get(measure);
        if (text == null || text.isBlank()) {
            throw new UnusableRowException(row.number(), "measure '" + measure + "' is missing");
        }
        try {
            double value = new BigDecimal(text.strip()).doubleValue();
            if (Double.isInfinite(value)) {
                throw new NumberFormatException("out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UnusableRowException(row.number(), "measure '" + measure + "' is not a number");
        }
    }
}
