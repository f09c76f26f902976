package example.consultancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.model.PersonalDataModel;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.SubjectIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Lethe's console in a real headless browser, as the person who answers requests uses it: sign in,
 * find a request by filter, verify, extend, erase, read the receipt and the history in words, reject
 * another; and the data map, drawn on the server, one box per entity. Screenshots go to
 * {@code target/screenshots}; with {@code -Dlethe.screenshots.update=true} they also replace the
 * README's, in {@code docs/images}. Its own database, so that the queue holds only its requests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:console-browser;DB_CLOSE_DELAY=-1")
@Import(SubjectNotices.class)
class ConsoleBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path README_IMAGES = Path.of("..", "..", "docs", "images");

  @LocalServerPort int port;

  @Autowired DataSubjectRights rights;

  @Autowired PersonalDataModel model;

  @TempDir Path profile;

  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start(profile, null);
  }

  @AfterEach
  void quit() {
    browser.quit();
  }

  @Test
  @DisplayName(
      "Art. 12(3), 12(4), 12(6), 17: find a request by filter, verify, extend, erase; the receipt and the history in words; reject another")
  void answerRequests() throws IOException {
    submit(RequestType.ACCESS, "alice@example.com", Channel.WEB);
    submit(RequestType.ERASURE, "dan@example.com", Channel.EMAIL);
    submit(RequestType.RESTRICTION, "frank@example.com", Channel.WEB);
    submit(RequestType.ACCESS, "bob@example.com", Channel.POST);
    submit(RequestType.OBJECTION, "carol@example.com", Channel.EMAIL);

    signIn(WebSession.Console.PATH);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rights requests");
    assertThat(textOf("requests", "Erasure (Art. 17)"))
        .contains("Access (Art. 15)", "Identity not yet verified")
        .doesNotContain("ERASURE", "SUBMITTED", "T0");
    screenshot("console-queue.png");

    new Select(browser.findElement(By.id("type"))).selectByValue("ERASURE");
    browser.findElement(By.id("subject")).sendKeys("dan@example.com");
    browser.findElement(By.id("filter")).click();
    new WebDriverWait(browser, WAIT)
        .until(ready -> browser.findElements(By.cssSelector("tr.request")).size() == 1);
    browser.findElement(By.cssSelector("tr.request a.open-request")).click();

    browser.findElement(By.id("verify")).click();
    assertThat(textOf("status", "Identity verified")).doesNotContain("not yet verified");

    browser
        .findElement(By.id("extend-reason"))
        .sendKeys("The request covers ten years of correspondence");
    browser.findElement(By.id("extend")).click();
    assertThat(textOf("extension-notice", "because"))
        .contains("by 2 months", "because: The request covers ten years of correspondence");

    new Select(browser.findElement(By.id("ground"))).selectByValue("CONSENT_WITHDRAWN");
    browser.findElement(By.id("erase")).click();
    assertThat(textOf("receipt", "Erasure receipt"))
        .contains(
            "rows touched",
            "Consent was withdrawn and no other basis remains (Art. 17(1)(b))",
            "Contact",
            "Erased in place")
        .doesNotContain("RowCount", "CONSENT_WITHDRAWN");
    assertThat(textOf("timeline", "Subject erased"))
        .contains("Request submitted", "Identity verified", "Request extended", "Subject erased");
    screenshot("console-request.png");

    browser.get(url(WebSession.Console.PATH + "/requests"));
    new Select(browser.findElement(By.id("type"))).selectByValue("ACCESS");
    browser.findElement(By.id("subject")).sendKeys("bob@example.com");
    WebElement unfiltered = browser.findElement(By.id("requests"));
    browser.findElement(By.id("filter")).click();
    // The filter is posted: wait for the new page before reading its rows.
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.stalenessOf(unfiltered));
    assertThat(browser.getCurrentUrl())
        .as("the subject stays out of the URL")
        .doesNotContain("bob");
    browser.findElement(By.cssSelector("tr.request a.open-request")).click();
    new Select(browser.findElement(By.id("reject-reason"))).selectByValue("EXCESSIVE");
    browser.findElement(By.id("explanation")).sendKeys("The fourth copy asked for this month");
    browser.findElement(By.id("reject")).click();
    assertThat(textOf("status", "Rejected")).isEqualTo("Rejected");
    assertThat(textOf("rejection", "Excessive"))
        .isEqualTo("Excessive: The fourth copy asked for this month");
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): a legal hold placed from the console on a subject named by e-mail is listed by pseudonym")
  void art17_3_e_placeLegalHold() {
    signIn(WebSession.Console.PATH + "/legal-holds");

    new Select(browser.findElement(By.id("identity"))).selectByValue("contact email");
    browser.findElement(By.id("value")).sendKeys("grace@example.com");
    browser.findElement(By.id("subject-reason")).sendKeys("Tribunal claim 2026-31");
    browser.findElement(By.id("place-on-subject")).click();

    assertThat(textOf("message", "placed")).isEqualTo("The legal hold was placed.");
    assertThat(textOf("holds", "Tribunal claim 2026-31"))
        .contains("contact ")
        .doesNotContain("grace@");
  }

  @Test
  @DisplayName(
      "Art. 16, 21: rectify with one bad value (refused per field, nothing echoed), then good values; record an objection")
  void art16_art21_rectifyAndObject() {
    String rectification = submit(RequestType.RECTIFICATION, "erin@example.com", Channel.EMAIL);
    String objection = submit(RequestType.OBJECTION, "grace@example.com", Channel.WEB);

    signIn(WebSession.Console.PATH + "/requests/" + rectification);
    browser.findElement(By.id("verify")).click();
    textOf("status", "Identity verified");
    browser.findElement(By.id("correction-fullName")).sendKeys("Erin Evans-Hart");
    browser.findElement(By.id("correction-email")).sendKeys("erin-at-westbrook");
    browser.findElement(By.id("rectify")).click();
    assertThat(textOf("rectification-problems", "Nothing was changed"))
        .contains("E-mail address")
        .doesNotContain("erin-at-westbrook", "Erin Evans-Hart");
    assertThat(browser.getPageSource()).doesNotContain("erin-at-westbrook");

    browser.findElement(By.id("correction-fullName")).sendKeys("Erin Evans-Hart");
    browser.findElement(By.id("correction-email")).sendKeys("erin.hart@example.com");
    browser.findElement(By.id("rectify")).click();
    assertThat(textOf("message", "Corrected")).contains("Full name, E-mail address in 1 record");
    browser.findElement(By.id("complete")).click();
    assertThat(textOf("status", "Completed")).isEqualTo("Completed");
    assertThat(textOf("timeline", "Data rectified"))
        .contains("Request fulfilled", "Request completed");

    browser.get(url(WebSession.Console.PATH + "/requests/" + objection));
    browser.findElement(By.id("verify")).click();
    textOf("status", "Identity verified");
    new Select(browser.findElement(By.id("purpose"))).selectByVisibleText("B2B marketing");
    browser.findElement(By.id("object")).click();
    assertThat(textOf("message", "objection"))
        .contains("The objection to B2B marketing was recorded");
  }

  @Test
  @DisplayName(
      "Art. 33(3), 34(1): a breach recorded through the console's form, then the person it concerns told, named by e-mail")
  void art33_art34_recordBreachAndTell() {
    signIn(WebSession.Console.PATH + "/breaches");

    WebElement awareAt = browser.findElement(By.id("awareAt"));
    // Typing into a datetime-local field follows the browser's locale; its value does not.
    browser.executeScript("arguments[0].value = arguments[1]", awareAt, "2026-01-10T08:15");
    browser.findElement(By.id("nature")).sendKeys("Webinar attendee list sent to the wrong client");
    browser
        .findElement(By.cssSelector("input[name=dataCategories][value='contact.email']"))
        .click();
    browser.findElement(By.cssSelector("input[name=subjectTypes][value='contact']")).click();
    browser.findElement(By.id("approximateSubjects")).sendKeys("1");
    browser.findElement(By.id("approximateRecords")).sendKeys("1");
    browser.findElement(By.id("consequences")).sendKeys("Unwanted contact");
    browser.findElement(By.id("measures")).sendKeys("The client deleted the list");
    new Select(browser.findElement(By.id("risk"))).selectByValue("HIGH");
    browser.findElement(By.id("record")).click();

    assertThat(textOf("message", "recorded"))
        .startsWith(
            "The breach was recorded: notify the supervisory authority by 13 Jan 2026, 08:15");
    assertThat(textOf("breach", "Overdue")).contains("contact: about 1 people");

    new Select(browser.findElement(By.id("identity"))).selectByValue("contact email");
    browser.findElement(By.id("values")).sendKeys("carol@example.com");
    browser.findElement(By.id("notify")).click();
    assertThat(textOf("message", "notice")).isEqualTo("1 person is sent a notice of the breach.");
    assertThat(browser.getPageSource()).doesNotContain("carol@example.com");
  }

  @Test
  @DisplayName(
      "Art. 30: the data map is an SVG drawn on the server with one box per entity, its data in words")
  void art30_dataMap() throws IOException {
    signIn(WebSession.Console.PATH + "/records/data-map");

    new WebDriverWait(browser, WAIT)
        .until(ready -> !browser.findElements(By.cssSelector("#diagram svg")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#diagram svg g.entity")))
        .hasSize(model.entities().size());
    assertThat(browser.findElement(By.id("diagram")).getText())
        .contains("Full name", "E-mail address", "12 months after");
    screenshot("console-data-map.png");
  }

  private String submit(RequestType type, String email, Channel channel) {
    return rights
        .submit(type, new SubjectIdentifier("contact", "email", email), channel)
        .id()
        .toString();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signs in as the administrator on the way to {@code path}, as the application's form login asks. */
  private void signIn(String path) {
    browser.get(url(path));
    browser.findElement(By.name("username")).sendKeys(DemoData.ADMIN);
    browser.findElement(By.name("password")).sendKeys(DemoData.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .until(
            ready ->
                browser.getCurrentUrl().contains(path)
                    && !browser.getCurrentUrl().contains("/login"));
  }

  /** The text of the element once it shows {@code expected}; the page may still be loading after a post. */
  private String textOf(String id, String expected) {
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(
            ready ->
                !browser.findElements(By.id(id)).isEmpty()
                    && browser.findElement(By.id(id)).getText().contains(expected));
    return browser.findElement(By.id(id)).getText();
  }

  /** The whole page as a PNG in target/screenshots, and in docs/images when asked to update the README's. */
  private void screenshot(String name) throws IOException {
    long height =
        (Long)
            browser.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
    // The viewport as tall as the page, so that the screenshot holds all of it.
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            1400,
            "height",
            (int) Math.min(Math.max(height, 600), 3000),
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    Files.createDirectories(SCREENSHOTS);
    Path shot = SCREENSHOTS.resolve(name);
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    if (Boolean.getBoolean("lethe.screenshots.update")) {
      Files.createDirectories(README_IMAGES);
      Files.copy(shot, README_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
