package io.newsflow.launcher.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enrichment;
import io.newsflow.launcher.IndexTopicReader;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.SharedData;
import io.newsflow.platform.json.Json;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitoring desk end to end, as a person uses it, in Debian's headless Chromium against the whole pipeline
 * (embedded broker, ingest, enrich with the shipped taggers, sink): sign in with a token, see a wrong form's
 * field errors, create "Poland hesitant" on the page, post the sample story, see the alert with its evidence
 * sentence within 2 s of the index document, open the story and see its entities marked. Screenshots at desktop
 * and phone width go to {@code target/desk-screenshots/}. Skipped only where Chromium is not installed.
 */
class DeskIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String TOKEN = "desk-it-token-0123456789";
  static final String OTHER_TEAM = "desk-it-other-team-0123456789";
  static final Path SCREENSHOTS = Path.of("target", "desk-screenshots");
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path dataDir;

  static Pipeline pipeline;
  static WebDriver browser;
  static String desk;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    pipeline = Pipeline.start(Map.of(
        "NEWSFLOW_API_TOKENS", "monitoring:" + TOKEN + ",other:" + OTHER_TEAM,
        "NEWSFLOW_INGEST_PORT", "0",
        "NEWSFLOW_ENRICH_HTTP_PORT", "0",
        "NEWSFLOW_SINK_PORT", "0",
        "NEWSFLOW_PARTITIONS", "2"), dataDir, 0, Enrichment::standard);
    desk = "http://localhost:" + pipeline.sink().httpPort() + "/desk/";
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,1000", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void aDeskSignsInSubscribesOnThePageAndSeesTheAlertAndTheStory() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(25));

    // sign in: a wrong token is refused at the field, the right one opens the desk
    browser.get(desk);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys("not-a-token");
    browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    WebElement tokenError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-error")));
    assertThat(tokenError.getText()).contains("not valid");
    assertThat(browser.findElement(By.id("token")).getAttribute("aria-invalid")).isEqualTo("true");
    browser.findElement(By.id("token")).clear();
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBe(By.id("principal"), "Signed in as monitoring"));
    assertThat(browser.getCurrentUrl()).doesNotContain(TOKEN);
    wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

    // an invalid form gets field-level errors
    browser.findElement(By.id("tab-subscriptions")).click();
    browser.findElement(By.id("language")).sendKeys("english");
    browser.findElement(By.id("webhook")).sendKeys("ftp://example.org/hook");
    browser.findElement(By.id("save")).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("language-error"))).getText())
        .contains("two-letter");
    assertThat(browser.findElement(By.id("webhook-url-error")).getText()).contains("http");
    assertThat(browser.findElement(By.id("language")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("language");
    screenshot("desktop-form-errors");
    browser.findElement(By.id("language")).clear();
    browser.findElement(By.id("webhook")).clear();

    // suggestions from the knowledge base while typing an entity
    browser.findElement(By.id("entity-input")).sendKeys("Polan");
    WebElement option = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#entity-suggestions [role=option]")));
    assertThat(option.getText()).contains("Poland").contains("Q36");
    browser.findElement(By.id("entity-input")).clear();
    browser.findElement(By.id("entity-input")).sendKeys(org.openqa.selenium.Keys.ESCAPE);

    // the subscription "Poland hesitant", made on the page
    browser.findElement(By.id("sub-name")).sendKeys("Poland hesitant");
    browser.findElement(By.id("holder")).sendKeys("Poland");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("holder-hint"), "Q36"));
    browser.findElement(By.id("holder")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
    browser.findElement(By.cssSelector("input[name=polarity][value=HESITANT]")).click();
    browser.findElement(By.id("save")).click();
    WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card.subscription")));
    assertThat(card.getText()).contains("Poland hesitant").contains("Q36").contains("hesitant");
    assertThat(browser.findElement(By.id("form-status")).getText()).contains("Created");

    // the sample story, posted as a newsroom does; timed from its index document to the alert on the page
    browser.findElement(By.id("tab-alerts")).click();
    String story = sampleStory();
    String id;
    long indexedAt;
    long shownAt;
    try (IndexTopicReader index = IndexTopicReader.index(pipeline.bootstrapServers())) {
      index.poll();
      id = post(story);
      CompletableFuture<Long> indexed = CompletableFuture.supplyAsync(() -> {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
          if (index.poll().containsKey(id)) {
            return System.nanoTime();
          }
        }
        throw new AssertionError("Story " + id + " was not indexed within 120 s");
      });
      By alertCard = By.cssSelector(".card.alert[data-story-id='" + id + "'] mark.evidence-sentence");
      new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(20))
          .until(ExpectedConditions.presenceOfElementLocated(alertCard));
      shownAt = System.nanoTime();
      indexedAt = indexed.get(120, TimeUnit.SECONDS);
    }
    long lagMs = TimeUnit.NANOSECONDS.toMillis(shownAt - indexedAt);
    System.out.println("DeskIT: alert on the page " + lagMs + " ms after the index document was read");
    assertThat(lagMs).as("alert on the page after indexing, ms").isLessThanOrEqualTo(2000);

    WebElement alert = browser.findElement(By.cssSelector(".card.alert[data-story-id='" + id + "']"));
    assertThat(alert.getText()).contains("Poland hesitant").contains("hesitant").contains("Poland");
    assertThat(alert.findElement(By.cssSelector("mark.evidence-sentence")).getText())
        .contains("Poland and Greece, are hesitant");
    // the text around it arrives from the recent-stories store
    WebElement context = alert.findElement(By.cssSelector("blockquote.evidence"));
    wait.until(d -> context.getAttribute("data-context") != null);
    assertThat(context.getAttribute("data-context")).isEqualTo("shown");
    assertThat(context.getText().length())
        .isGreaterThan(alert.findElement(By.cssSelector("mark.evidence-sentence")).getText().length());
    screenshot("desktop-alerts");

    // the story, with its entities marked in the text
    alert.findElement(By.cssSelector("h3 button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#story-body mark.entity")));
    List<WebElement> marks = browser.findElements(By.cssSelector("#story-body mark.entity"));
    assertThat(marks).hasSizeGreaterThan(5);
    assertThat(marks.stream().map(m -> m.getAttribute("title")).toList())
        .anyMatch(t -> t.contains("Q36")).anyMatch(t -> t.contains("Emmanuel Macron"));
    assertThat(browser.findElement(By.id("story-stances")).getText()).contains("Poland").contains("hesitant");
    screenshot("desktop-story");

    // phone width: the same views
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.findElement(By.id("story-back")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#stories .card.story")));
    screenshot("phone-stories");
    browser.findElement(By.id("tab-alerts")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card.alert")));
    screenshot("phone-alerts");
    browser.findElement(By.id("tab-subscriptions")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription-form")));
    screenshot("phone-subscriptions");
    assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
  }

  @Test
  void theDeskAnswersWithAStrictContentSecurityPolicyAndRefusesWritesWithoutTheCsrfToken() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(desk)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(desk + "session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + OTHER_TEAM + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(201);
    String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(OTHER_TEAM);
    String session = cookie.substring(0, cookie.indexOf(';'));
    String csrf = Json.mapper().readTree(signIn.body()).path("csrfToken").asText();
    String body = "{\"keywords\": [\"troops\"]}";
    HttpResponse<String> withoutCsrf = http.send(HttpRequest.newBuilder(URI.create(desk + "api/subscriptions"))
        .header("Cookie", session).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    HttpResponse<String> withCsrf = http.send(HttpRequest.newBuilder(URI.create(desk + "api/subscriptions"))
        .header("Cookie", session).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(201);
    HttpResponse<String> noSession = http.send(HttpRequest.newBuilder(URI.create(desk + "api/subscriptions")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noSession.statusCode()).isEqualTo(401);
  }

  private static String sampleStory() throws Exception {
    Path sample = SharedData.find("samples/coalition-paris.txt").orElse(null);
    if (sample != null) {
      return Files.readString(sample);
    }
    // without the workplace's shared/ folder: a story written for this test, with the same sentence shape
    return "Europe struggles to staff a force for Ukraine\n\nFrench President Emmanuel Macron convened dozens of "
        + "leaders in Paris on Thursday. Denmark and the Baltic states agreed to take part.\n\nHowever, many "
        + "others, such as Poland and Greece, are hesitant to commit troops and military equipment to such a "
        + "force, the Financial Times reports.";
  }

  private static String post(String text) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.ingestPort() + "/v1/articles"))
            .header("Content-Type", "text/plain; charset=utf-8").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(text)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode body = Json.mapper().readTree(response.body());
    return body.path("id").asText();
  }

  private static void screenshot(String name) throws Exception {
    Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
