package dev.handoff.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a report as CSV (RFC 4180): a header row, then one row per group. */
final class ReportCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final String LINE_END = "\r\n";

    private ReportCsv() {
    }

    static byte[] write(String groupBy, List<GroupSummary> groups) {
        StringBuilder csv = new StringBuilder();
        csv.append(escape(groupBy)).append(",count,mean,min,max,p95,over").append(LINE_END);
        for (GroupSummary group : groups) {
            csv.append(escape(group.key())).append(',')
                    .append(group.count()).append(',')
                    .append(group.mean().toPlainString()).append(',')
                    .append(plain(group.min())).append(',')
                    .append(plain(group.max())).append(',')
                    .append(plain(group.p95())).append(',')
                    .append(group.over().toPlainString()).append(LINE_END);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A field as CSV holds it: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A number in plain digits: no exponent, and no ".0" after a whole number. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
