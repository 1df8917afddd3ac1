package dev.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.datasets.DatasetFormat;
import dev.handoff.datasets.DatasetInfo;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatasetsResourceTest {

    private static final DatasetInfo FLIGHTS = new DatasetInfo("flights-2001.q1", DatasetFormat.JSON, 20_000,
            1_784_867, Instant.parse("2025-01-02T03:04:05.123456Z"));

    @Test
    void aDatasetIsDescribedByItsNameFormatRowsSizeAndUpdateTime() {
        // given a stored dataset

        // when the API describes it
        JsonObject json = Json.createReader(new StringReader(DatasetsResource.representation(FLIGHTS))).readObject();

        // then every field of the contract is there, with its value
        assertThat(json.getString("name")).isEqualTo("flights-2001.q1");
        assertThat(json.getString("format")).isEqualTo("json");
        assertThat(json.getJsonNumber("rows").longValue()).isEqualTo(20_000);
        assertThat(json.getJsonNumber("sizeBytes").longValue()).isEqualTo(1_784_867);
        assertThat(json.getString("updatedAt")).isEqualTo("2025-01-02T03:04:05.123456Z");
        assertThat(json).hasSize(5);
    }

    @Test
    void aNewDatasetIsLocatedAtItsOwnPathUnderTheApi() {
        // given a dataset stored under a new name, and the API's base URI
        URI base = URI.create("http://127.0.0.1:8080/api/");

        // when its location is resolved as JAX-RS resolves a relative one
        URI location = base.resolve(DatasetsResource.location(FLIGHTS));

        // then it is the dataset's own path
        assertThat(location).hasToString("http://127.0.0.1:8080/api/datasets/flights-2001.q1");
    }

    @Test
    void anUploadOfAnyMediaTypeReachesTheResourceSoThatARefusalSaysWhatIsAccepted() throws Exception {
        // given the upload method

        // when JAX-RS matches a request to it
        Consumes consumes = DatasetsResource.class
                .getMethod("put", String.class, String.class, InputStream.class)
                .getAnnotation(Consumes.class);

        // then no media type is turned away with a bare 415 before the datasets feature explains the refusal
        assertThat(consumes.value()).containsExactly(MediaType.WILDCARD);
    }
}
