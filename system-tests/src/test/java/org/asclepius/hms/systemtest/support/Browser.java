package org.asclepius.hms.systemtest.support;

import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver (Selenium Manager cannot download here).
 * Signs in through Keycloak as a person does: username, password, then the TOTP code.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public Browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("hms-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("webdriver.chrome.driver",
                        "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // AJAX updates (PrimeFaces, p:poll) replace elements while a condition reads them: look again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(TestEnvironment.baseUrl() + path);
    }

    /** Opens a page of the application and signs in on Keycloak's pages with password and TOTP. */
    public void signIn(DemoUser user, String path) throws InterruptedException {
        signInAt(TestEnvironment.baseUrl(), user, path);
    }

    /** The same against another server (a cluster node). */
    public void signInAt(String baseUrl, DemoUser user, String path) throws InterruptedException {
        driver.get(baseUrl + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user.username());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        driver.findElement(By.id("otp")).sendKeys(user.freshTotp());
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(baseUrl));
    }

    public WebElement waitFor(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw explained(e, "waiting for " + by);
        }
    }

    /** Waits until the element is visible and enabled (animations of overlays and dialogs have ended). */
    public WebElement waitClickable(By by) {
        try {
            return wait.until(ExpectedConditions.elementToBeClickable(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw explained(e, "waiting for " + by + " to be clickable");
        }
    }

    /**
     * Scrolls the element to the middle of its scrolling container (as a user scrolls a long dialog, whose footer
     * would otherwise cover it) and clicks it once it can be clicked.
     */
    public void click(By by) {
        // an AJAX update may replace the element between finding and scrolling: find it again
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement e = waitFor(by);
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", e);
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
        waitClickable(by);
        // an AJAX request in flight (its status overlay) or a dialog still moving takes the click: try again
        try {
            wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class,
                    org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                d.findElement(by).click();
                return true;
            });
        } catch (org.openqa.selenium.TimeoutException timeout) {
            throw explained(timeout, "clicking " + by);
        }
    }

    /**
     * Types into a p:autoComplete (id of the component) and picks the suggestion containing {@code item}. Typing
     * again when no suggestion came: right after an AJAX update the widget may not yet listen to the new input.
     */
    public void suggest(String id, String text, String item) {
        By input = By.id(id + "_input");
        By suggestion = By.xpath("//*[@id='" + id + "_panel']//li[contains(., '" + item + "')]");
        for (int attempt = 1; ; attempt++) {
            WebElement field = waitFor(input);
            field.clear();
            field.sendKeys(text);
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
                        .until(ExpectedConditions.elementToBeClickable(suggestion));
                // the list may be drawn again by a later query while it is clicked: then type and pick again
                driver.findElement(suggestion).click();
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.ElementNotInteractableException
                     | org.openqa.selenium.StaleElementReferenceException noSuggestion) {
                if (attempt == 3) {
                    throw noSuggestion instanceof org.openqa.selenium.TimeoutException timeout
                            ? explained(timeout, "waiting for the suggestion " + item + " of " + id) : noSuggestion;
                }
            }
        }
    }

    /**
     * Picks an option of a p:selectOneMenu as a user does: opens it, waits for the panel's opening animation to
     * end (a click during it is lost), clicks the option, and tries again if the choice did not take.
     */
    /** Types into a field, again from the start if an AJAX update replaced the field meanwhile. */
    public void type(String id, String text) {
        waitUntil(d -> {
            WebElement field = d.findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
            return true;
        });
    }

    public void choose(String id, String label) {
        By panel = By.id(id + "_panel");
        for (int attempt = 1; ; attempt++) {
            if (!driver.findElement(panel).isDisplayed()) {
                click(By.id(id));
            }
            waitUntil(d -> d.findElement(panel).isDisplayed()
                    && !d.findElement(panel).getAttribute("class").contains("enter-active"));
            try {
                // the panel may still be moving into place (or closing again) when the item is clicked
                click(By.cssSelector("#" + id.replace(":", "\\:") + "_items li[data-label='" + label + "']"));
                waitUntil(d -> d.findElement(By.id(id + "_label")).getText().equals(label));
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.ElementNotInteractableException
                     | org.openqa.selenium.StaleElementReferenceException notTaken) {
                if (attempt == 3) {
                    throw notTaken;
                }
            }
        }
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            wait.until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw explained(e, "waiting for a condition");
        }
    }

    /** A timeout that says where the browser was and which messages the page showed (synthetic test data only). */
    private org.openqa.selenium.TimeoutException explained(org.openqa.selenium.TimeoutException e, String what) {
        String messages = String.join(" | ", driver.findElements(By.cssSelector(
                ".ui-messages, .ui-message-error, .ui-growl-message, .ui-dialog[aria-hidden='false']")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList());
        String shot = "";
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Path file = dir.resolve("timeout-" + System.currentTimeMillis() + ".png");
            java.nio.file.Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            shot = "; screenshot " + file.toAbsolutePath();
        } catch (java.io.IOException | RuntimeException ignored) {
            // the explanation matters more than the picture
        }
        return new org.openqa.selenium.TimeoutException(what + " on " + driver.getCurrentUrl() + shot
                + "; page shows: [" + messages + "]", e);
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
