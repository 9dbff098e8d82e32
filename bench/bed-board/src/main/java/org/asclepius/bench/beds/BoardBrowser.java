package org.asclepius.bench.beds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asclepius.bench.common.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium (through /usr/bin/chromedriver) signed in as a demo user the way a person signs in:
 * Keycloak's page, password, then the TOTP code computed from the demo realm's secret. Reads each render's timing
 * from the browser's Navigation Timing entry, where the app's {@code Server-Timing} header appears too.
 */
final class BoardBrowser implements AutoCloseable {
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** What one render of the page measured (ms) and showed. */
    record Render(double serverMs, double boardMs, double responseMs, double loadMs, long htmlBytes, long beds,
            long occupied) {
    }

    BoardBrowser(String chromium, String chromedriver) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory("bed-board-bench-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(chromedriver)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Opens the page and signs in on Keycloak's pages. */
    void signIn(String pageUrl, String user, String password, String totpSecret) throws InterruptedException {
        driver.get(pageUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        driver.findElement(By.id("otp")).sendKeys(Totp.freshTotp(totpSecret));
        driver.findElement(By.id("kc-login")).click();
        String base = pageUrl.substring(0, pageUrl.indexOf('/', pageUrl.indexOf("//") + 2));
        wait.until(d -> d.getCurrentUrl().startsWith(base) && !d.findElements(By.id("board")).isEmpty());
    }

    /** Loads the page anew and reads what it took and what it shows. */
    Render render(String pageUrl) {
        driver.get(pageUrl);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "var n = performance.getEntriesByType('navigation')[0];"
                        + "var part = function (name) { var t = n.serverTiming.filter(function (e) {"
                        + " return e.name === name; }); return t.length ? t[0].duration : -1; };"
                        + "return {server: part('app'), board: part('board'),"
                        + " response: n.responseEnd - n.requestStart, load: n.loadEventEnd - n.startTime,"
                        + " bytes: n.decodedBodySize,"
                        + " beds: document.querySelectorAll('#board .hms-bed').length,"
                        + " occupied: document.querySelectorAll('#board .hms-bed-occupied').length};");
        return new Render(number(m, "server"), number(m, "board"), number(m, "response"), number(m, "load"),
                (long) number(m, "bytes"), (long) number(m, "beds"), (long) number(m, "occupied"));
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** [password, base32 TOTP secret] of a demo user in the realm export. */
    static String[] demoUser(Path realmFile, String user) throws IOException {
        Map<String, Object> realm = new Json().toType(Files.readString(realmFile), Json.MAP_TYPE);
        for (Object u : (List<?>) realm.get("users")) {
            Map<?, ?> entry = (Map<?, ?>) u;
            if (user.equals(entry.get("username"))) {
                String password = null;
                String secret = null;
                for (Object c : (List<?>) entry.get("credentials")) {
                    Map<?, ?> credential = (Map<?, ?>) c;
                    if ("password".equals(credential.get("type"))) {
                        password = (String) credential.get("value");
                    } else if ("otp".equals(credential.get("type"))) {
                        Map<String, Object> data = new Json().toType((String) credential.get("secretData"),
                                Json.MAP_TYPE);
                        secret = (String) data.get("value");
                    }
                }
                return new String[] {password, secret};
            }
        }
        throw new IllegalArgumentException("no demo user " + user + " in " + realmFile);
    }
}
