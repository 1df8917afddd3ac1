package dev.handoff.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final JsonObject DATA = Json.createObjectBuilder()
            .add("name", "Ada <admin> & co")
            .add("order", Json.createObjectBuilder().add("id", "A-1").add("total", 12.5))
            .add("items", Json.createArrayBuilder().add("tea").add("milk"))
            .add("vip", true)
            .add("count", 3)
            .build();

    @Test
    void valuesAreEscapedInTheHtmlOnlyAndSectionsWalkListsAndFlags() {
        TemplateRenderer.Compiled template = compile("Order {{order.id}} for {{name}}",
                "{{name}}: {{#items}}{{.}};{{/items}} {{#vip}}VIP{{/vip}} {{count}} x {{order.total}}",
                "<p>{{name}}</p>{{{name}}}");

        RenderedMessage message = template.render(DATA);

        assertThat(message.subject()).isEqualTo("Order A-1 for Ada <admin> & co");
        assertThat(message.text()).isEqualTo("Ada <admin> & co: tea;milk; VIP 3 x 12.5");
        assertThat(message.html()).isEqualTo("<p>Ada &lt;admin&gt; &amp; co</p>Ada <admin> & co");
    }

    @Test
    void aSubjectIsRenderedOnOneLineWhateverTheDataHolds() {
        TemplateRenderer.Compiled template = compile("Hi {{name}}", "text", null);

        RenderedMessage message = template.render(Json.createObjectBuilder().add("name", "a\r\nBcc: x@y").build());

        assertThat(message.subject()).isEqualTo("Hi a Bcc: x@y");
        assertThat(message.html()).isNull();
    }

    @Test
    void aMissingValueRendersEmpty() {
        assertThat(compile("s", "[{{absent}}][{{order.absent}}]", null).render(DATA).text()).isEqualTo("[][]");
    }

    @Test
    void aTemplateReachesTheDataOnlyNeverTheJavaObjectsHoldingIt() {
        TemplateRenderer.Compiled template = compile("s",
                "[{{name.class}}][{{name.bytes}}][{{items.size}}][{{order.empty}}][{{#name.class}}x{{/name.class}}]",
                "[{{order.class.name}}]");

        RenderedMessage message = template.render(DATA);

        assertThat(message.text()).isEqualTo("[][][][][]");
        assertThat(message.html()).isEqualTo("[]");
    }

    @Test
    void twoVersionsOfOneTemplateRenderEachTheirOwnSource() {
        TemplateRenderer.Compiled first = compile("s", "first {{name}}", null);
        TemplateRenderer.Compiled second = compile("s", "second {{name}}", null);

        assertThat(first.render(DATA).text()).startsWith("first");
        assertThat(second.render(DATA).text()).startsWith("second");
    }

    @Test
    void aSectionLeftOpenDoesNotCompileAndThePartIsNamed() {
        assertThatThrownBy(() -> compile("s", "ok", "<p>{{#items}}open"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"html\" does not compile");
    }

    @Test
    void aPartialIsRefused() {
        assertThatThrownBy(() -> compile("s", "{{> footer}}", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"text\" does not compile")
                .hasMessageContaining("partials are not supported");
    }

    private static TemplateRenderer.Compiled compile(String subject, String text, String html) {
        return TemplateRenderer.compile(new TemplateRequest("t", subject, text, html));
    }
}
