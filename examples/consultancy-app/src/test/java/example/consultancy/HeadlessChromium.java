package example.consultancy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium and chromedriver, which {@code .ci/run} installs, headless, with a profile of its own. */
final class HeadlessChromium {

  private HeadlessChromium() {}

  /** A browser with its profile in {@code profile}, saving downloads to {@code downloads} without asking. */
  static ChromeDriver start(Path profile, @Nullable Path downloads) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1400,1000",
        "--hide-scrollbars");
    if (downloads != null) {
      Map<String, Object> preferences = new HashMap<>();
      preferences.put("download.default_directory", downloads.toString());
      preferences.put("download.prompt_for_download", false);
      options.setExperimentalOption("prefs", preferences);
    }
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    return new ChromeDriver(driver, options);
  }
}
