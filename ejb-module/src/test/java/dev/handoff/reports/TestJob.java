package dev.handoff.reports;

import dev.handoff.jobs.spi.JobContext;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A job as the engine would hand it to a handler, recording the progress reported. */
final class TestJob implements JobContext {

    private final String jobId;
    private final JsonObject payload;
    private final int attempt;
    private final int maxAttempts;
    private final List<Integer> progress = new CopyOnWriteArrayList<>();

    private TestJob(String jobId, JsonObject payload, int attempt, int maxAttempts) {
        this.jobId = jobId;
        this.payload = payload;
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
    }

    static TestJob firstAttempt(JsonObject payload) {
        return new TestJob(UUID.randomUUID().toString(), payload, 1, 3);
    }

    TestJob nextAttempt() {
        return new TestJob(jobId, payload, attempt + 1, maxAttempts);
    }

    List<Integer> progressReported() {
        return progress;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public String type() {
        return ReportJob.NAME;
    }

    @Override
    public JsonObject payload() {
        return payload;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public void reportProgress(int percent) {
        progress.add(percent);
    }
}
