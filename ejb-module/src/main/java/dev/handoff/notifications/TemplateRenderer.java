package dev.handoff.notifications;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import dev.handoff.InvalidRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.AccessibleObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles and renders templates with Mustache (mustache.java). Values are HTML-escaped in the {@code html} part
 * only; the subject and the text get them as they are, and the subject on one line. Partials ({@code {{> name}}})
 * are refused: a template is self-contained, so a stored version renders the same for ever. A name reaches the
 * notification's data only, never a method or field of the Java objects holding it ({@code {{name.class}}}
 * renders empty): templates come from API callers.
 */
public final class TemplateRenderer {

    private static final MustacheFactory HTML = dataOnly(new DefaultMustacheFactory(name -> null));
    private static final MustacheFactory PLAIN = dataOnly(new PlainMustacheFactory());

    /** A template compiled, ready to render any number of times from any thread. */
    public record Compiled(Mustache subject, Mustache text, Mustache html) {

        public RenderedMessage render(JsonObject data) {
            Map<String, Object> scope = scope(data);
            String subject = run(this.subject, scope).replaceAll("[\\r\\n]+", " ").strip();
            return new RenderedMessage(subject, run(text, scope), html == null ? null : run(html, scope));
        }
    }

    private TemplateRenderer() {
    }

    /**
     * Compiles each part of a template.
     *
     * @throws InvalidRequestException naming the part that does not compile, and why
     */
    public static Compiled compile(TemplateRequest template) {
        return new Compiled(
                compile(PLAIN, template.name(), "subject", template.subject()),
                compile(PLAIN, template.name(), "text", template.text()),
                template.html() == null ? null : compile(HTML, template.name(), "html", template.html()));
    }

    public static Compiled compile(Template template) {
        return compile(new TemplateRequest(template.name(), template.subject(), template.text(), template.html()));
    }

    private static Mustache compile(MustacheFactory factory, String name, String part, String source) {
        try {
            return factory.compile(new StringReader(source), name + "." + part);
        } catch (MustacheException e) {
            throw new InvalidRequestException("The template's \"" + part + "\" does not compile: "
                    + e.getMessage() + (source.contains("{{>") ? " (partials are not supported)" : ""));
        }
    }

    private static String run(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /** The data as plain Java values, which Mustache walks: maps, lists, strings, numbers, booleans. */
    static Map<String, Object> scope(JsonObject data) {
        Map<String, Object> scope = new LinkedHashMap<>();
        data.forEach((key, value) -> scope.put(key, plain(value)));
        return scope;
    }

    private static Object plain(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                return scope(value.asJsonObject());
            case ARRAY:
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(item -> list.add(plain(item)));
                return list;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber number = (JsonNumber) value;
                return number.isIntegral() ? (Object) number.bigIntegerValue() : number.bigDecimalValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static DefaultMustacheFactory dataOnly(DefaultMustacheFactory factory) {
        factory.setObjectHandler(new DataOnlyObjectHandler());
        return factory;
    }

    /** Looks names up in maps only: no Java member of any value is reachable from a template. */
    private static final class DataOnlyObjectHandler extends ReflectionObjectHandler {

        @Override
        protected AccessibleObject findMember(Class sclass, String name) {
            return null;
        }

        @Override
        protected boolean areMethodsAccessible(Map<?, ?> map) {
            return false;
        }
    }

    /** Writes values as they are: for the subject and the plain text, where HTML escapes would show. */
    private static final class PlainMustacheFactory extends DefaultMustacheFactory {

        PlainMustacheFactory() {
            super(name -> null);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
