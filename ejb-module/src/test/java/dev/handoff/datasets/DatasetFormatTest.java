package dev.handoff.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetFormatTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "application/json|JSON",
        "Application/JSON; charset=UTF-8|JSON",
        "text/csv|CSV",
        "text/csv;charset=\"utf-8\"|CSV",
        "text/csv; header=present|CSV",
    })
    void theContentTypeSaysTheFormat(String contentType, DatasetFormat format) {
        assertThat(DatasetFormat.ofContentType(contentType)).isEqualTo(format);
    }

    @ParameterizedTest(name = "{0} is refused")
    @NullSource
    @ValueSource(strings = {"application/xml", "text/plain", "text/csv; charset=ISO-8859-1", "*/*"})
    void otherContentTypesAreRefusedSayingWhatIsAccepted(String contentType) {
        assertThatThrownBy(() -> DatasetFormat.ofContentType(contentType))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageMatching("(A dataset is sent as application/json .* or text/csv .*|Datasets are read as"
                        + " UTF-8.*)");
    }
}
