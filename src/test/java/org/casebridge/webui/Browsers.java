package org.casebridge.webui;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.casebridge.support.KeycloakServer;
import org.casebridge.support.TestStack;
import org.casebridge.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chromium driven through chromedriver (the Debian packages), headless, each browser with a fresh profile. */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/webui-screenshots");
    private static boolean told;

    private Browsers() {
    }

    /** For {@code @EnabledIf}: the browser tests run where both binaries are installed, and say so once where not. */
    static synchronized boolean present() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !told) {
            told = true;
            System.out.println("Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install -y chromium chromium-driver)");
        }
        return present;
    }

    private static final Map<WebDriver, Path> DOWNLOADS = new ConcurrentHashMap<>();

    static WebDriver open() {
        try {
            Path profile = Files.createTempDirectory("casebridge-chromium");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver browser = new ChromeDriver(service, options);
            DOWNLOADS.put(browser, downloads);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void quit(WebDriver browser) {
        DOWNLOADS.remove(browser);
        browser.quit();
    }

    /** Where the browser saves what it downloads. */
    static Path downloads(WebDriver browser) {
        return DOWNLOADS.get(browser);
    }

    /** The file the browser downloaded under this name, once it is complete. */
    static Path downloaded(WebDriver browser, String name) {
        Path file = downloads(browser).resolve(name);
        waiting(browser).until(b -> Files.exists(file) && !Files.exists(file.resolveSibling(name + ".crdownload")));
        return file;
    }

    /**
     * The paths of everything the page loaded from the app's origin so far (the document, scripts, styles, the
     * import map, the libraries and the API's fetches), as the production Ingress must route them.
     */
    @SuppressWarnings("unchecked")
    static Set<String> requestedPaths(WebDriver browser) {
        List<String> urls = (List<String>) script(browser, """
                return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]
                  .map(u => new URL(u)).filter(u => u.host === location.host).map(u => u.pathname);""");
        return new TreeSet<>(urls);
    }

    static WebDriverWait waiting(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Signs in on the real Keycloak login page and waits for the app's shell. */
    static void signIn(WebDriver browser, String appUrl, String username) {
        browser.get(appUrl);
        WebDriverWait wait = waiting(browser);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Tokens.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header .user"), username));
        assertEquals(appUrl, browser.getCurrentUrl(), "the code and state left the address bar");
    }

    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now. */
    static List<String> seriousViolations(WebDriver browser) {
        List<Rule> violations = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser).getViolations();
        List<String> serious = new ArrayList<>();
        for (Rule rule : violations) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(rule.getId() + ": " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
            }
        }
        return serious;
    }

    static Object script(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    static Object asyncScript(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script, args);
    }

    /** Lets the realm's browser client come back to the app on the test's own port (the realm file names the demo's). */
    @SuppressWarnings("unchecked")
    static synchronized void allowRedirectTo(String appUrl) {
        String admin = Tokens.otherIssuer();
        String clients = TestStack.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        Map<String, Object> client = ((List<Map<String, Object>>) RestAssured.given().auth().oauth2(admin)
                .queryParam("clientId", "casebridge-web").get(clients).then().statusCode(200).extract().as(List.class)).get(0);
        List<String> uris = new ArrayList<>((List<String>) client.get("redirectUris"));
        if (uris.contains(appUrl + "*")) {
            return;
        }
        uris.add(appUrl + "*");
        client.put("redirectUris", uris);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .put(clients + "/" + client.get("id")).then().statusCode(204);
    }
}
