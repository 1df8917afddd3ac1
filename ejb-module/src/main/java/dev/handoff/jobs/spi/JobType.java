package dev.handoff.jobs.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the job type a {@link JobHandler} bean serves.
 *
 * <p>The name is what callers put in a submission's {@code type} field. It matches
 * {@code [a-z0-9][a-z0-9._-]{0,99}}; two handlers may not declare the same name, and a deployment
 * that tries fails to start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JobType {

    /** The job type's name, as callers submit it. */
    String value();
}
