package dev.handoff.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRowReaderTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        // given CSV quoting in all its forms, with CRLF line ends
        String csv = "name,note,delay\r\n"
                + "\"Smith, J\",\"said \"\"hi\"\"\",5\r\n"
                + "Doe,\"two\r\nlines\",\"\"\r\n";

        // when its rows are read
        List<Map<String, String>> rows = readAll(csv);

        // then the quotes are taken off, doubled quotes are single, and an empty field is empty text
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(entry("name", "Smith, J"), entry("note", "said \"hi\""),
                entry("delay", "5"));
        assertThat(rows.get(1)).containsExactly(entry("name", "Doe"), entry("note", "two\r\nlines"),
                entry("delay", ""));
    }

    @Test
    void aByteOrderMarkBlankLinesAndAMissingLastLineEndAreTolerated() throws Exception {
        // given LF line ends, a byte order mark, blank lines and no line end after the last row
        String csv = "\uFEFForigin,delay\n\nJFK,1\n\n\nSFO,2";

        // when its rows are read
        List<Map<String, String>> rows = readAll(csv);

        // then there are the two rows, the first column named without the mark
        assertThat(rows).containsExactly(Map.of("origin", "JFK", "delay", "1"), Map.of("origin", "SFO", "delay", "2"));
    }

    @Test
    void theSampleAirportsAreReadWithTheirQuotedNames() throws Exception {
        // given the sample airports, some names quoted because they hold commas
        List<Map<String, String>> rows;
        try (InputStream csv = Files.newInputStream(Path.of("..", "samples", "airports.csv"))) {

            // when they are read
            rows = readAll(new ByteArrayInputStream(csv.readAllBytes()));
        }

        // then every airport is a row, and a quoted name keeps its comma
        assertThat(rows).hasSize(3376);
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .containsEntry("iata", "53A")
                .containsEntry("name", "Dr. C.P. Savage, Sr.")
                .containsEntry("state", "GA"));
    }

    @Test
    void aHeaderAloneIsADatasetWithoutRows() throws Exception {
        assertThat(readAll("origin,delay\r\n")).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "a,b\\n1,2\\n3\\n|line 3: expected 2 fields as in the header, found 1",
        "a,b\\n\"multi\\nline\",2\\n3,4,5\\n|line 4: expected 2 fields as in the header, found 3",
        "a,b\\n1,2\\n\"open,2\\n3,4\\n|line 3: a quoted field is not closed",
        "a,b\\n1,x\"y\\n|line 2: a field that holds a quote must be enclosed in quotes",
        "a,b\\n\"1\"x,2\\n|line 2: a closing quote must end its field",
        "\\n\\n|line 1: there is no header row",
        "a,,c\\n1,2,3\\n|header: column 2 has no name",
        "a,b,a\\n1,2,3\\n|header: the column 'a' appears twice",
    })
    void csvThatBreaksTheRulesIsRefusedSayingOnWhichLine(String csv, String message) {
        // given CSV that breaks a rule

        // when it is read, then the reader names the line and the rule
        assertThatThrownBy(() -> readAll(csv.replace("\\n", "\n")))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedSayingOnWhichLine() {
        // given a second row holding a Latin-1 byte
        byte[] csv = {'a', '\n', 'b', '\n', 'c', (byte) 0xE9, '\n'};

        // when it is read, then it is refused as not UTF-8
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(csv)))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    private static List<Map<String, String>> readAll(String csv) throws Exception {
        return readAll(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Map<String, String>> readAll(ByteArrayInputStream csv) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (DatasetRowReader reader = DatasetFormat.CSV.openRows(csv)) {
            for (Map<String, String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
