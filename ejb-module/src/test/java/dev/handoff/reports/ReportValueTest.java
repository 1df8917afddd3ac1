package dev.handoff.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportValueTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', value = {"66|66", "-5|-5", "1.50|1.5", "1e3|1000", "' 12 '|12", "+7|7"})
    void aMeasureWrittenAsADecimalNumberIsRead(String text, double measure) throws Exception {
        assertThat(ReportValue.of(row(17, "JFK", text), "origin", "delay").measure()).isEqualTo(measure);
    }

    @ParameterizedTest(name = "[{0}] is not a number")
    @ValueSource(strings = {"abc", "NaN", "Infinity", "0x10", "1,5", "12d", "1e999"})
    void aMeasureThatIsNotAFiniteDecimalNumberMakesTheRowUnusable(String text) {
        assertThatThrownBy(() -> ReportValue.of(row(17, "JFK", text), "origin", "delay"))
                .isInstanceOf(UnusableRowException.class)
                .hasMessage("row 17: measure 'delay' is not a number");
    }

    @ParameterizedTest(name = "[{0}] is missing")
    @ValueSource(strings = {"", "  "})
    void aBlankMeasureIsMissing(String text) {
        assertThatThrownBy(() -> ReportValue.of(row(3, "JFK", text), "origin", "delay"))
                .isInstanceOf(UnusableRowException.class)
                .hasMessage("row 3: measure 'delay' is missing");
    }

    @Test
    void aRowWithoutTheMeasureOrTheGroupIsUnusable() {
        Map<String, String> noFields = new HashMap<>();
        noFields.put("delay", null);

        assertThatThrownBy(() -> ReportValue.of(new ReportRow(4, noFields), "origin", "delay"))
                .hasMessage("row 4: group 'origin' is missing");
        assertThatThrownBy(() -> ReportValue.of(row(5, "JFK", null), "origin", "delay"))
                .hasMessage("row 5: measure 'delay' is missing");
    }

    @Test
    void aGroupKeyLongerThanItsColumnMakesTheRowUnusable() {
        assertThatThrownBy(() -> ReportValue.of(row(6, "x".repeat(1001), "1"), "origin", "delay"))
                .hasMessage("row 6: group 'origin' is longer than 1000 characters");
    }

    private static ReportRow row(long number, String origin, String delay) {
        Map<String, String> fields = new HashMap<>();
        fields.put("origin", origin);
        fields.put("delay", delay);
        return new ReportRow(number, fields);
    }
}
