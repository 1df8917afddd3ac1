/**
 * The job handler SPI: what a Handoff user implements to add a job type.
 *
 * <p>A job type is a CDI bean that implements {@link dev.handoff.jobs.spi.JobHandler} and carries
 * {@link dev.handoff.jobs.spi.JobType} with the type's name. Handoff discovers every such bean in the
 * deployment at startup; a job submitted with that type name is validated by the bean before it is
 * stored, then run by it in the background, once per attempt, until an attempt succeeds or the job
 * fails for good.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @JobType("thumbnail")
 * public class ThumbnailHandler implements JobHandler {
 *
 *     public void validate(JsonObject payload) throws InvalidPayloadException {
 *         if (!payload.containsKey("imageUrl")) {
 *             throw new InvalidPayloadException("imageUrl is required");
 *         }
 *     }
 *
 *     public JsonValue handle(JobContext job) throws Exception {
 *         String url = job.payload().getString("imageUrl");
 *         ...
 *         return Json.createObjectBuilder().add("thumbnailUrl", thumbnail).build();
 *     }
 * }
 * }</pre>
 *
 * <p>This package is the stable contract: its types change only in ways that keep existing handlers
 * compiling and behaving the same.
 */
package dev.handoff.jobs.spi;
