package example.consultancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The privacy centre in a real headless browser (Debian's chromium and chromedriver, which
 * {@code .ci/run} installs): a person signs in, downloads their data, asks for erasure, and an
 * administrator sees the request with its deadline in Lethe's console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyCentreBrowserTest {

  /** Generous: the build machine may be busy with other builds. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  @LocalServerPort int port;

  @TempDir Path downloads;

  @TempDir Path profile;

  private WebDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = HeadlessChromium.start(profile, downloads);
  }

  @AfterEach
  void quit() {
    browser.quit();
  }

  @Test
  @DisplayName(
      "Art. 15, 17, 12(3): sign in, download the export, ask for erasure; the console shows the request and its deadline")
  void privacyCentre() throws IOException {
    signIn("/privacy", "grace@example.com", "demo");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your privacy centre");
    assertThat(browser.getPageSource()).contains("Grace Green", "Governor");

    browser.findElement(By.id("export")).click();
    Path zip = downloads.resolve("my-data.zip");
    new WebDriverWait(browser, WAIT).until(ready -> Files.exists(zip));
    try (ZipFile export = new ZipFile(zip.toFile())) {
      String report =
          new String(
              export.getInputStream(export.getEntry("report.json")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(report)
          .contains("Grace Green", "grace@example.com")
          .doesNotContain("Alice Archer");
    }

    browser.findElement(By.id("ask-erasure")).click();
    assertThat(textOf("requests", "ERASURE")).contains("ERASURE SUBMITTED");
    browser.findElement(By.id("sign-out")).click();
    new WebDriverWait(browser, WAIT)
        .until(ready -> browser.getCurrentUrl().contains("/login?logout"));

    signIn("/lethe/console/requests", "admin@mesma.example", "admin");
    assertThat(textOf("requests", "grace@example.com"))
        .contains("Erasure (Art. 17) grace@example.com")
        .contains("Identity not yet verified");
  }

  /** The text of the element once it shows {@code expected}; the page may still be reloading after a post. */
  private String textOf(String id, String expected) {
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(ready -> browser.findElement(By.id(id)).getText().contains(expected));
    return browser.findElement(By.id(id)).getText();
  }

  private void signIn(String path, String user, String password) {
    browser.get("http://localhost:" + port + path);
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .until(
            ready ->
                browser.getCurrentUrl().contains(path)
                    && !browser.getCurrentUrl().contains("/login"));
  }
}
