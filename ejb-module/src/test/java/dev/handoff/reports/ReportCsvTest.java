package dev.handoff.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCsvTest {

    @Test
    void aReportHasAHeaderNamedAfterTheGroupFieldThenARowPerGroup() {
        // given two groups, one key holding a comma and a quote
        List<GroupSummary> groups = List.of(
                new GroupSummary("JFK", 3, new BigDecimal("23.33"), 10, 40, 40, new BigDecimal("0.6667")),
                new GroupSummary("Lax, \"CA\"", 1, new BigDecimal("-0.50"), -0.5, -0.5, -0.5,
                        new BigDecimal("0.0000")));

        // when it is written as CSV
        String csv = new String(ReportCsv.write("origin airport", groups), StandardCharsets.UTF_8);

        // then each line ends with CRLF and the key is quoted as RFC 4180 asks
        assertThat(csv).isEqualTo("origin airport,count,mean,min,max,p95,over\r\n"
                + "JFK,3,23.33,10,40,40,0.6667\r\n"
                + "\"Lax, \"\"CA\"\"\",1,-0.50,-0.5,-0.5,-0.5,0.0000\r\n");
    }

    @Test
    void aGroupFieldNameThatNeedsQuotingIsQuotedInTheHeader() {
        String csv = new String(ReportCsv.write("a,b", List.of()), StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("\"a,b\",count,mean,min,max,p95,over\r\n");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"66.0, 66", "-5.0, -5", "0.1, 0.1", "1.5E20, 150000000000000000000", "1.0E-7, 0.0000001",
        "-0.0, 0", "2.50, 2.5"})
    void numbersAreWrittenPlainlyWithoutExponentOrTrailingZeros(double value, String written) {
        assertThat(ReportCsv.plain(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', value = {"JFK|JFK", "a,b|\"a,b\"", "say \"\"hi\"\"|\"say \"\"\"\"hi\"\"\"\"\"",
        "' x '|' x '"})
    void onlyFieldsHoldingCommasQuotesOrLineBreaksAreQuoted(String field, String written) {
        assertThat(ReportCsv.escape(field)).isEqualTo(written);
    }
}
