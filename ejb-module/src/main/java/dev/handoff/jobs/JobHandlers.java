package dev.handoff.jobs;

import dev.handoff.InvalidRequestException;
import dev.handoff.jobs.spi.AttemptTimeout;
import dev.handoff.jobs.spi.InvalidPayloadException;
import dev.handoff.jobs.spi.JobHandler;
import dev.handoff.jobs.spi.JobType;
import dev.handoff.jobs.spi.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The job types of this deployment: every {@link JobHandler} bean, by its {@link JobType} name. */
@ApplicationScoped
public class JobHandlers {

    @Inject
    BeanManager beans;

    @Inject
    @Any
    Instance<JobHandler> handlers;

    @Inject
    @Any
    Instance<SubmissionCheck> checks;

    private final Map<String, Bean<?>> byType = new TreeMap<>();

    @PostConstruct
    void discover() {
        for (Bean<?> bean : beans.getBeans(JobHandler.class, Any.Literal.INSTANCE)) {
            JobType type = bean.getBeanClass().getAnnotation(JobType.class);
            if (type == null) {
                throw new IllegalStateException(bean.getBeanClass().getName()
                        + " implements JobHandler but has no @JobType naming its job type");
            }
            Bean<?> other = byType.putIfAbsent(type.value(), bean);
            if (other != null) {
                throw new IllegalStateException("Job type '" + type.value() + "' is declared by both "
                        + other.getBeanClass().getName() + " and " + bean.getBeanClass().getName());
            }
        }
        JobsLogger.LOG.jobTypesDiscovered(byType.keySet());
    }

    /** The handler of a job type, when the deployment has one. */
    public Optional<JobHandler> find(String type) {
        Bean<?> bean = byType.get(type);
        if (bean == null) {
            return Optional.empty();
        }
        return Optional.of(handlers.select(bean.getBeanClass().asSubclass(JobHandler.class)).get());
    }

    /** How long an attempt of the type may run: its handler's {@link AttemptTimeout}, or the server's default. */
    public Duration timeoutFor(String type) {
        Bean<?> bean = byType.get(type);
        AttemptTimeout declared = bean == null ? null : bean.getBeanClass().getAnnotation(AttemptTimeout.class);
        return Duration.ofSeconds(declared == null ? JobsConfig.attemptTimeoutSeconds() : declared.seconds());
    }

    /** The retry policy a submission gets: its type's, overridden by the submission's own within bounds. */
    public Retries retriesFor(JobSubmission submission) {
        Bean<?> bean = byType.get(submission.type());
        RetryPolicy declared = bean == null ? null : bean.getBeanClass().getAnnotation(RetryPolicy.class);
        Retries retries = declared == null ? Retries.serverDefaults() : Retries.of(declared);
        return submission.retry() == null ? retries : retries.overriddenBy(submission.retry());
    }

    /**
     * Checks that a submission names a known job type whose handler accepts its payload, that every
     * {@link SubmissionCheck} of the deployment accepts it, and that its retry overrides are within bounds.
     *
     * @return the retry policy the job will run under
     * @throws InvalidRequestException saying why, when it does not
     */
    public Retries validate(JobSubmission submission) {
        Bean<?> bean = byType.get(submission.type());
        if (bean != null && bean.getBeanClass().isAnnotationPresent(OwnJobType.class)) {
            throw new InvalidRequestException("Jobs of type '" + submission.type() + "' are made by Handoff itself"
                    + " and cannot be submitted; see the documentation of the feature that makes them.");
        }
        return validateOwn(submission);
    }

    /** The types callers may submit: all but Handoff's own. */
    private Set<String> submittable() {
        Set<String> types = new TreeSet<>();
        byType.forEach((type, bean) -> {
            if (!bean.getBeanClass().isAnnotationPresent(OwnJobType.class)) {
                types.add(type);
            }
        });
        return types;
    }

    /** Validates a submission of any type, Handoff's own included: for Handoff's features and replays. */
    Retries validateOwn(JobSubmission submission) {
        JobHandler handler = find(submission.type()).orElseThrow(() -> new InvalidRequestException(
                "Unknown job type '" + submission.type() + "'; known types are " + submittable() + "."));
        try {
            handler.validate(submission.payload());
        } catch (InvalidPayloadException e) {
            throw new InvalidRequestException("Invalid payload for job type '" + submission.type() + "': "
                    + e.getMessage());
        }
        checks.forEach(check -> check.check(submission));
        return retriesFor(submission);
    }
}
