package dev.companysso.it.support;

import dev.companysso.harness.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both come from apt-get (see
 * .ci/run); giving Selenium their paths keeps Selenium Manager from trying to download a browser.
 *
 * <p>A closed browser is kept for the next test with the same switches, reset to what a new one is
 * (one fresh tab, no cookies, no cache, desktop size): starting Chromium costs about two seconds
 * and the suite starts it some two hundred times. The pages under test keep their state in cookies
 * only (no local or session storage), so a reset browser is a new visitor.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Dimension DESKTOP = new Dimension(1280, 900);

  /** Browsers a test closed, by their extra switches, ready for the next test. */
  private static final Map<List<String>, Deque<Browser>> IDLE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> IDLE.values().forEach(idle -> idle.forEach(Browser::quit))));
  }

  private final ChromeDriver driver;
  private final Path profile;
  private final List<String> switches;

  private Browser(ChromeDriver driver, Path profile, List<String> switches) {
    this.driver = driver;
    this.profile = profile;
    this.switches = switches;
  }

  /** Starts Chromium with extra command-line switches, e.g. {@code --host-resolver-rules=…}. */
  public static Browser start(String... extraArguments) {
    List<String> switches = List.of(extraArguments);
    Deque<Browser> idle = IDLE.get(switches);
    Browser kept = idle == null ? null : idle.pollFirst();
    return kept != null ? kept : launch(switches);
  }

  private static Browser launch(List<String> switches) {
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
        "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
        "--user-data-dir=" + profile);
    options.addArguments(switches);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), profile, switches);
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
  /** Scrolls the page so that {@code element} starts at the top of the window. */
  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
  }

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

  /** Hands the browser, reset, to the next test; one that cannot be reset is quit. */
  @Override
  public void close() {
    if (reset()) {
      IDLE.computeIfAbsent(switches, key -> new ConcurrentLinkedDeque<>()).addFirst(this);
    } else {
      quit();
    }
  }

  /**
   * Makes the browser what a new one is: a fresh tab (the old tabs and their session storage
   * closed), no cookies of any site, an empty cache, desktop size.
   */
  private boolean reset() {
    try {
      driver.switchTo().newWindow(WindowType.TAB);
      String fresh = driver.getWindowHandle();
      for (String handle : driver.getWindowHandles()) {
        if (!handle.equals(fresh)) {
          driver.switchTo().window(handle).close();
        }
      }
      driver.switchTo().window(fresh);
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.manage().window().setSize(DESKTOP);
      return true;
    } catch (RuntimeException brokenBrowser) {
      return false;
    }
  }

  private void quit() {
    try {
      driver.quit();
    } finally {
      Directories.deleteTree(profile);
    }
  }
}
