package dev.companysso.it.support;

import dev.companysso.harness.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both come from apt-get (see
 * .ci/run); giving Selenium their paths keeps Selenium Manager from trying to download a browser.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts Chromium with extra command-line switches, e.g. {@code --host-resolver-rules=…}. */
  public static Browser start(String... extraArguments) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "Browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("company-sso-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  public void open(URI url) {
    driver.get(url.toString());
  }

  public URI currentUrl() {
    return URI.create(driver.getCurrentUrl());
  }

  public WebElement waitFor(By locator) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * Clicks what {@code locator} finds (a form's button, a link) and waits until the page it loads
   * has replaced this one: reading the page right after a click could read the old one.
   */
  public void clickToNewPage(By locator) {
    WebElement page = driver.findElement(By.tagName("html"));
    waitFor(locator).click();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(page));
  }

  /**
   * Waits until no element {@code locator} finds is on the page, across the reloads of a page that
   * follows work under way.
   */
  public void waitUntilAbsent(By locator) {
    new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> locator + " is still on the page: " + describePage())
        .until(d -> d.findElements(locator).isEmpty());
  }

  /** Waits until the browser is on a URL that starts with {@code prefix}, and returns that URL. */
  public URI waitForUrlStartingWith(String prefix) {
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "Expected to reach " + prefix + " but the page is " + describePage())
        .until(d -> d.getCurrentUrl().startsWith(prefix));
    return currentUrl();
  }

  public WebDriver driver() {
    return driver;
  }

  /** The visible text of the page. */
  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The URL and the visible text of the page, for assertion messages. */
  public String describePage() {
    String text = pageText();
    return driver.getCurrentUrl() + "\n" + text.substring(0, Math.min(text.length(), 2_000));
  }

  /** Saves the page as {@code target/screenshots/<name>.png}, for the docs. */
  public void screenshot(String name) {
    try {
      Path folder = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(
          folder.resolve(name + ".png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    Directories.deleteTree(profile);
  }
}
