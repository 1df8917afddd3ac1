package dev.handoff.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outgoing requests for webhooks, job callbacks and {@code http} jobs, with one shared
 * {@link HttpClient}: HTTP/1.1, a connect timeout, redirects never followed (a 3xx is the answer), a timeout on
 * the whole answer, and at most {@link WebhooksConfig#MAX_RESPONSE_BYTES} of its body read.
 *
 * <p>Before each send the URL goes through the {@link TargetPolicy}, and the request goes to the address that
 * passed. For a plain http URL with a host name, the URL is rewritten to that address and the name sent in the
 * {@code Host} header, which the JDK allows when {@code jdk.httpclient.allowRestrictedHeaders} contains
 * {@code host} (the {@code webhooks.cli} script sets it). An https URL keeps its host name, for TLS to check the
 * certificate against it: the JDK looks the name up again, and its address cache (30 s by default) answers with
 * the addresses just checked, except when the entry expires in between.
 */
@ApplicationScoped
public class Outbound {

    private HttpClient client;
    private boolean hostHeaderAllowed;

    @PostConstruct
    void start() {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(WebhooksConfig.connectTimeout())
                .build();
        hostHeaderAllowed = hostHeaderAllowed();
        if (!hostHeaderAllowed) {
            WebhooksLogger.LOG.hostHeaderRestricted();
        }
    }

    /** Checks the target, sends, and reads the answer. Never throws for a failed request: it says how. */
    public OutboundAnswer send(OutboundRequest request) {
        InetAddress address;
        try {
            address = TargetPolicy.current().check(request.url());
        } catch (RefusedTargetException e) {
            return OutboundAnswer.refused("Refused target: " + e.getMessage());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = exchange(toHttp(request, address), request.timeout());
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            return new OutboundAnswer(response.statusCode(), millisSince(started), null,
                    RetryAfter.parse(retryAfter, Instant.now()).orElse(null), snippet(response.body()), false);
        } catch (TimeoutException e) {
            return noAnswer(started, request);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                // The client's own timer, the same length as ours, may fire first.
                return noAnswer(started, request);
            }
            return OutboundAnswer.failed(millisSince(started), describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OutboundAnswer.failed(millisSince(started), "Interrupted while waiting for the answer");
        }
    }

    private static OutboundAnswer noAnswer(long started, OutboundRequest request) {
        return OutboundAnswer.failed(millisSince(started), "No answer within " + request.timeout().toSeconds() + " s");
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info -> new BoundedBody());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            answer.cancel(true);
        }
    }

    private HttpRequest toHttp(OutboundRequest request, InetAddress address) {
        URI url = request.url();
        HttpRequest.Builder http = HttpRequest.newBuilder().timeout(request.timeout());
        if (mustPin(url)) {
            http.uri(pinned(url, address)).header("Host", url.getPort() < 0 ? url.getHost()
                    : url.getHost() + ":" + url.getPort());
        } else {
            http.uri(url);
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            http.header(header.getKey(), header.getValue());
        }
        HttpRequest.BodyPublisher body = request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        return http.method(request.method(), body).build();
    }

    /** Whether the URL must be rewritten to the checked address: plain http to a host name. */
    private boolean mustPin(URI url) {
        String host = TargetPolicy.hostOf(url);
        boolean literal = host.matches("[0-9.]+") || host.contains(":");
        return hostHeaderAllowed && "http".equalsIgnoreCase(url.getScheme()) && !literal;
    }

    private static URI pinned(URI url, InetAddress address) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        try {
            return new URI(url.getScheme(), url.getRawUserInfo(), host, url.getPort(), url.getRawPath(),
                    url.getRawQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A checked URL with an address for its host is still a URL", e);
        }
    }

    private static boolean hostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "example");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getName() + ": " + cause.getMessage();
    }

    static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= WebhooksConfig.SNIPPET_CHARS ? text : text.substring(0, WebhooksConfig.SNIPPET_CHARS);
    }

    /**
     * Collects at most {@link WebhooksConfig#MAX_RESPONSE_BYTES} of a body, then cancels the rest: a receiver
     * that answers with gigabytes costs one buffer, not the heap.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int room = WebhooksConfig.MAX_RESPONSE_BYTES - bytes.size();
                byte[] chunk = new byte[Math.min(room, buffer.remaining())];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() >= WebhooksConfig.MAX_RESPONSE_BYTES) {
                subscription.cancel();
                body.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
