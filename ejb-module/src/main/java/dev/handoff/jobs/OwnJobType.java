package dev.handoff.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a job type whose jobs only Handoff itself creates, through {@link JobService#submitOwn}: a webhook
 * delivery, a batch of notifications. A submission of such a type over HTTP or JMS, or through
 * {@link JobService#submit}, is refused, since its payload refers to records only Handoff keeps right.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnJobType {
}
