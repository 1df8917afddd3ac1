package dev.handoff.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import dev.handoff.NotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetsTest {

    private static final String TWO_ROWS = "[{\"origin\": \"JFK\", \"delay\": 5}, {\"origin\": \"SFO\", \"delay\": 7}]";

    private final Datasets datasets = new Datasets();
    private final DatasetStore store = new DatasetStore();
    private final String name = "flights-" + UUID.randomUUID();

    DatasetsTest() {
        store.dataSource = H2Database.dataSource();
        datasets.store = store;
    }

    @Test
    void aDatasetUploadedUnderANewNameIsStoredAndDescribed() throws Exception {
        // given a JSON dataset of two rows

        // when it is uploaded
        Datasets.Saved saved = datasets.put(name, "application/json", body(TWO_ROWS));

        // then it is new, and described the same way on upload and on request
        assertThat(saved.created()).isTrue();
        assertThat(saved.dataset().format()).isEqualTo(DatasetFormat.JSON);
        assertThat(saved.dataset().rows()).isEqualTo(2);
        assertThat(saved.dataset().sizeBytes()).isEqualTo(TWO_ROWS.length());
        assertThat(datasets.get(name)).isEqualTo(saved.dataset());
    }

    @Test
    void aDatasetIsStoredAsItWasSent() throws Exception {
        // given an uploaded CSV dataset
        String csv = "origin,delay\r\n\"JFK\",5\r\n";
        datasets.put(name, "text/csv", body(csv));

        // when its content is read back
        Path copy = Files.createTempFile("dataset-", ".csv");
        store.copyContent(name, copy);

        // then it is byte for byte what was sent
        assertThat(Files.readString(copy)).isEqualTo(csv);
        Files.delete(copy);
    }

    @Test
    void aDatasetUploadedAgainReplacesTheOneStored() throws Exception {
        // given a stored dataset
        datasets.put(name, "application/json", body(TWO_ROWS));

        // when the name is uploaded again, as CSV
        Datasets.Saved saved = datasets.put(name, "text/csv", body("origin,delay\nJFK,5\n"));

        // then the dataset was replaced
        assertThat(saved.created()).isFalse();
        assertThat(datasets.get(name).format()).isEqualTo(DatasetFormat.CSV);
        assertThat(datasets.get(name).rows()).isEqualTo(1);
    }

    @Test
    void aRefusedUploadLeavesTheStoredDatasetAsItWas() throws Exception {
        // given a stored dataset
        DatasetInfo stored = datasets.put(name, "application/json", body(TWO_ROWS)).dataset();

        // when a malformed body is uploaded under its name, then it is refused, saying where
        assertThatThrownBy(() -> datasets.put(name, "application/json", body("[{\"origin\": \"JFK\"},\n{\"x\": [1]}]")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The body is not a valid JSON dataset, nothing was stored: line 2, column 8: row 2, "
                        + "field 'x' is an array; a row's values must be strings, numbers, booleans or null");
        assertThat(datasets.get(name)).isEqualTo(stored);
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() {
        // given a limit of 10 bytes
        System.setProperty(DatasetsConfig.MAX_BYTES, "10");
        try {
            // when a larger body is uploaded, then it is refused
            assertThatThrownBy(() -> datasets.put(name, "application/json", body(TWO_ROWS)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("The dataset is larger than the limit of 10 bytes.");
            assertThatThrownBy(() -> datasets.get(name)).isInstanceOf(NotFoundException.class);
        } finally {
            System.clearProperty(DatasetsConfig.MAX_BYTES);
        }
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThatThrownBy(() -> datasets.put(name, "text/csv", body("")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The body is empty");
    }

    @Test
    void aBodyOfAnotherFormatIsRefused() {
        assertThatThrownBy(() -> datasets.put(name, "application/xml", body("<rows/>")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the Content-Type was 'application/xml'");
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "has space", "a/b", "caf\u00e9",
        "x1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    void aNameOutsideTheAllowedCharactersOrLengthIsRefused(String badName) {
        assertThatThrownBy(() -> datasets.put(badName, "text/csv", body("a\n1\n")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("A dataset name matches [A-Za-z0-9._-]{1,100}");
    }

    @Test
    void aDatasetNeverUploadedIsNotFound() {
        assertThatThrownBy(() -> datasets.get(name))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("There is no dataset named '" + name + "'.");
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
