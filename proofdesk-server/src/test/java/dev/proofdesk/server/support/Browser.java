package dev.proofdesk.server.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/**
 * Headless Chromium driven by Selenium, using the machine's /usr/bin/chromium and chromedriver (never
 * a downloaded browser or driver). Screenshots go to target/screenshots for CI to keep.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PROOFDESK_TEST_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PROOFDESK_TEST_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** How long a condition may take to come true on a busy machine before the test fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    public Browser(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
        }
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("proofdesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // An explicit driver and binary: Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        this.driver = new ChromeDriver(service, options);
        // No implicit wait: every wait below names the condition it waits for.
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads a page; returns once the browser reports it loaded. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Waits until the browser shows a page whose path starts with {@code prefix}; returns the path. */
    public String waitForPath(String prefix) {
        until(d -> path().startsWith(prefix), "a page under " + prefix);
        return path();
    }

    /** The element, once the page has it. */
    public WebElement find(String css) {
        return until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)), css);
    }

    /** Whether the current page has the element, without waiting. */
    public boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void type(String css, String text) {
        WebElement field = until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)), css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks a control that stays on this page (a checkbox, a field). */
    public void click(String css) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)), css).click();
    }

    /** Clicks a link or submit button and waits until the next page has replaced this one. */
    public void clickAndLoad(String css) {
        loadingNextPage(() -> click(css));
    }

    /** Clicks the button or link whose visible text is exactly {@code text}, and waits for the next page. */
    public void clickTextAndLoad(String text) {
        By byText = By.xpath("//*[(self::button or self::a) and normalize-space(.)='" + text + "']");
        loadingNextPage(() -> until(ExpectedConditions.elementToBeClickable(byText), text).click());
    }

    /**
     * The old document's root goes stale once the browser navigates away from it; then the new
     * document is complete. Comparing URLs would not do: a form may answer with the same URL.
     */
    private void loadingNextPage(Runnable action) {
        WebElement oldRoot = driver.findElement(By.tagName("html"));
        action.run();
        until(ExpectedConditions.stalenessOf(oldRoot), "the next page after " + path());
        until(d -> "complete".equals(driver.executeScript("return document.readyState")), "the page to finish loading");
    }

    public String text() {
        return find("body").getText();
    }

    /** The element's text once it contains {@code text}. */
    public String waitForText(String css, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text),
                "'" + text + "' in " + css);
        return find(css).getText();
    }

    private <T> T until(Function<? super WebDriver, T> condition, String what) {
        return new WebDriverWait(driver, PATIENCE).withMessage("waiting for " + what).until(condition);
    }

    /** Saves the whole page (not only the window) as target/screenshots/{name}.png. */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) size.get("width")).doubleValue(),
                    "height", Math.min(((Number) size.get("height")).doubleValue(), 6000));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
