package dev.handoff.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRowReaderTest {

    @Test
    void valuesAreReadAsTheTextTheyWereWrittenAs() throws Exception {
        // given an array of flat objects with every kind of value
        String json = "[{\"origin\": \"DTW\", \"delay\": 1.50, \"distance\": 1e3, \"late\": true, \"gate\": null}]";

        // when its rows are read
        List<Map<String, String>> rows = readAll(json);

        // then numbers keep their digits, booleans are words and null is null
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly(entry("origin", "DTW"), entry("delay", "1.50"),
                entry("distance", "1e3"), entry("late", "true"), entry("gate", null));
    }

    @Test
    void anEmptyArrayHasNoRows() throws Exception {
        assertThat(readAll(" [ ] ")).isEmpty();
    }

    @Test
    void readingCanSkipToARowAndGoOnFromThere() throws Exception {
        // given three rows
        DatasetRowReader reader = DatasetFormat.JSON.openRows(stream("[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]"));

        // when the first two are skipped
        reader.skipTo(2);

        // then the third comes next, numbered 3
        assertThat(reader.next()).containsEntry("n", "3");
        assertThat(reader.rowsRead()).isEqualTo(3);
        assertThat(reader.next()).isNull();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1}|line 1, column 2: a JSON dataset is an array of objects; this one is an object",
        "[{\"a\": 1},\\n 7]|line 2, column 3: row 2 is a number, not an object",
        "[{\"a\": {\"b\": 1}}]|line 1, column 9: row 1, field 'a' is an object; a row's values must be strings",
        "[{\"a\": 1},\\n{\"b\": [1]}]|line 2, column 8: row 2, field 'b' is an array",
        "[{\"a\": 1, \"a\": 2}]|row 1 has the field 'a' twice",
        "[{\"a\": 1},\\n{\"a\": 2|line 2",
        "[{\"a\": 1}] [|line 1, column 12: Expected EOF token",
        "[{\"a\": 1,}]|line 1, column 10: Invalid token=CURLYCLOSE",
    })
    void contentThatIsNotAnArrayOfFlatObjectsIsRefusedSayingWhere(String json, String message) {
        // given content that is not an array of flat objects

        // when it is read, then the reader says where and what is wrong
        assertThatThrownBy(() -> readAll(json.replace("\\n", "\n")))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessageContaining(message);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        // given a string holding a byte that UTF-8 never uses
        byte[] json = {'[', '{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}', ']'};

        // when it is read, then it is refused as not UTF-8
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(json)))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    private static List<Map<String, String>> readAll(String json) throws Exception {
        return readAll(stream(json));
    }

    private static List<Map<String, String>> readAll(ByteArrayInputStream json) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (DatasetRowReader reader = DatasetFormat.JSON.openRows(json)) {
            for (Map<String, String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
