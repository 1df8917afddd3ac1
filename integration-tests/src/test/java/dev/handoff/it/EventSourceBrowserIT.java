package dev.handoff.it;

import static dev.handoff.it.Api.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser follows a job: headless Chromium opens {@code /events-demo.html}, whose {@code EventSource} reads
 * {@code GET /api/jobs/{id}/events} and writes each event into the page. Needs the Debian packages
 * {@code chromium} and {@code chromium-driver}; without them the test is skipped, unless the environment variable
 * {@code HANDOFF_REQUIRE_BROWSER=1} (set by {@code .ci/run}) makes their absence a failure.
 */
@ExtendWith(ArquillianExtension.class)
class EventSourceBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Deployment(testable = false)
    static Archive<?> handoff() {
        return Deployments.handoffWithTestHandlers();
    }

    @Test
    void aBrowsersEventSourceReceivesAJobsEventsInOrderUntilItSucceeded() throws IOException {
        requireBrowser();
        String id = submit("{\"type\": \"test-slow\", \"payload\": {\"millis\": 800}, \"delaySeconds\": 2}");
        Path profile = Files.createTempDirectory("handoff-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options(profile));
        try {
            browser.get(Api.BASE.resolve("/events-demo.html?job=" + id).toString());

            awaitText(browser, "ended", Duration.ofSeconds(30));
            List<WebElement> items = browser.findElements(By.cssSelector("#events li"));
            List<String> kinds = items.stream().map(item -> item.getDomAttribute("data-kind")).toList();
            List<Long> ids = items.stream().map(item -> Long.parseLong(item.getDomAttribute("data-id"))).toList();
            assertThat(kinds).startsWith("started").endsWith("succeeded").contains("progress");
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(items.get(items.size() - 1).getText()).contains("\"jobId\":\"" + id + "\"")
                    .contains("\"status\":\"succeeded\"");
        } finally {
            browser.quit();
            deleteTree(profile);
        }
    }

    private static void requireBrowser() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "1".equals(System.getenv("HANDOFF_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("HANDOFF_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver, or set HANDOFF_REQUIRE_BROWSER=1 to fail instead)");
    }

    private static ChromeOptions options(Path profile) {
        return new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    }

    private static void awaitText(ChromeDriver browser, String state, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String text = browser.findElement(By.id("state")).getText();
        while (!text.equals(state)) {
            assertThat(Instant.now()).as("page state still '%s': %s", text, browser.getPageSource())
                    .isBefore(deadline);
            Api.pause(Duration.ofMillis(200));
            text = browser.findElement(By.id("state")).getText();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
