package dev.handoff.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NotificationRequestTest {

    private static final String EMAIL = "{\"channel\": \"email\", \"recipient\": \"ada@example.com\","
            + " \"template\": \"welcome\", \"data\": {\"name\": \"Ada\"}, \"idempotencyKey\": \"k-1\"}";

    @Test
    void oneObjectIsOneNotification() {
        List<NotificationRequest> requests = NotificationRequest.parseAll(EMAIL, 10);

        assertThat(requests).hasSize(1);
        NotificationRequest request = requests.get(0);
        assertThat(request.channel()).isEqualTo(Channel.EMAIL);
        assertThat(request.recipient()).isEqualTo("ada@example.com");
        assertThat(request.template()).isEqualTo("welcome");
        assertThat(request.data().getString("name")).isEqualTo("Ada");
        assertThat(request.idempotencyKey()).isEqualTo("k-1");
    }

    @Test
    void aListIsReadInOrderAndAWebhookTakesAUrl() {
        String webhook = "{\"channel\": \"webhook\", \"recipient\": \"https://example.com/h\", \"template\": \"t\"}";

        List<NotificationRequest> requests = NotificationRequest.parseAll("[" + EMAIL + "," + webhook + "]", 10);

        assertThat(requests).extracting(NotificationRequest::channel).containsExactly(Channel.EMAIL, Channel.WEBHOOK);
        assertThat(requests.get(1).data()).isEmpty();
    }

    @Test
    void moreThanTheLimitInOneRequestIsRefused() {
        String tooMany = "[" + String.join(",", Collections.nCopies(3, EMAIL)) + "]";

        assertThatThrownBy(() -> NotificationRequest.parseAll(tooMany, 2))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Too many notifications in one request: 3; at most 2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad channel|{\"channel\": \"sms\", \"recipient\": \"a@b.c\", \"template\": \"t\"}|\"channel\" must be",
        "no recipient|{\"channel\": \"email\", \"template\": \"t\"}|\"recipient\" is required",
        "no template|{\"channel\": \"email\", \"recipient\": \"a@b.c\"}|\"template\" is required",
        "bad template name|{\"channel\": \"email\", \"recipient\": \"a@b.c\", \"template\": \"a/b\"}|must match",
        "data not an object|{\"channel\": \"email\", \"recipient\": \"a@b.c\", \"template\": \"t\", \"data\": 1}|"
                + "\"data\" must be a JSON object",
        "unknown field|{\"channel\": \"email\", \"recipient\": \"a@b.c\", \"template\": \"t\", \"cc\": 1}|"
                + "unknown field",
        "webhook to ftp|{\"channel\": \"webhook\", \"recipient\": \"ftp://x/y\", \"template\": \"t\"}|http or https",
        "empty list|[]|empty",
        "not JSON|{\"channel\": |not valid JSON",
        "list item not an object|[1]|Item 0: expected a JSON object",
    })
    void aMalformedRequestIsRefusedSayingWhy(String name, String json, String detail) {
        assertThatThrownBy(() -> NotificationRequest.parseAll(json, 10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@", "@b.com", "a b@c.com", "a@b..com", "a..b@c.com", "<a@b.com>",
        "Ada <a@b.com>", "a@-b.com", "a@b.com\r\nBcc: c@d.com", "\"quoted\"@b.com", "a@[127.0.0.1]"})
    void anAddressTheSmtpDialogueCannotCarryAsIsIsMalformed(String address) {
        assertThat(NotificationRequest.isEmailAddress(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "ada.lovelace+news@mail.example.com", "o'brien@example.ie", "x_1@a-b.example"})
    void aDotAtomAddressIsAccepted(String address) {
        assertThat(NotificationRequest.isEmailAddress(address)).isTrue();
    }
}
