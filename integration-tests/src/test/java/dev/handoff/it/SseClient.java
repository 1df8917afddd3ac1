package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent events client for the tests: opens a stream, parses it on a thread of its own into events and
 * comments, and tells when the server ended it.
 */
final class SseClient implements AutoCloseable {

    /** One frame as the caller got it: an event ({@code id}, {@code event}, {@code data}) or a comment. */
    record Frame(String id, String event, String data, String comment, Instant at) {

        boolean isComment() {
            return comment != null;
        }

        long numericId() {
            return Long.parseLong(id);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }
    }

    private static final Frame END = new Frame(null, null, null, null, null);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final InputStream body;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private SseClient(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(String path) {
        return open(path, Map.of());
    }

    /** Opens the stream, checking that the answer is 200 with {@code text/event-stream}. */
    static SseClient open(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.BASE.resolve(path))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = HTTP.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            return new SseClient(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event, skipping comments; fails when none comes in time or the stream ends first. */
    Frame nextEvent(Duration timeout) {
        Frame frame = nextEventOrEnd(timeout);
        if (frame == null) {
            fail("the stream ended before the next event");
        }
        return frame;
    }

    /** The next event, or {@code null} when the server ended the stream; fails when neither happens in time. */
    Frame nextEventOrEnd(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Frame frame = poll(Duration.between(Instant.now(), deadline));
            if (frame == END) {
                return null;
            }
            if (frame == null) {
                fail("no event within " + timeout);
            }
            if (!frame.isComment()) {
                return frame;
            }
        }
    }

    /** The next frame, event or comment, or {@code null} when none came within the timeout. */
    Frame poll(Duration timeout) {
        try {
            Frame frame = frames.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (frame == END) {
                frames.add(END);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event until the server ends the stream; fails when it does not end in time. */
    List<Frame> eventsUntilEnd(Duration timeout) {
        List<Frame> events = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        for (Frame frame = nextEventOrEnd(timeout); frame != null;
                frame = nextEventOrEnd(Duration.between(Instant.now(), deadline))) {
            events.add(frame);
        }
        return events;
    }

    boolean isEnded() {
        return ended;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // Closing is all we want; the connection is gone either way.
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(new Frame(id, event, data.toString(), null, Instant.now()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, null, line.substring(1).strip(), Instant.now()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // Closed by the test, or cut by the server: both end the stream.
        } finally {
            ended = true;
            frames.add(END);
        }
    }
}
