package org.casebridge.webui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.casebridge.webui.Browsers.screenshot;
import static org.casebridge.webui.Browsers.seriousViolations;
import static org.casebridge.webui.Browsers.signIn;
import static org.casebridge.webui.Browsers.waiting;

/**
 * Walks the app in Chromium as every demo user: signs in on Keycloak, opens each page the header offers, then the
 * pages behind them (a referral, a case, the refer page), clicks the dashboard's CSV buttons, and on each page
 * reports an error banner, a serious axe-core violation or a page wider than a phone's 390 px, saving a screenshot
 * per user and page, wide and at the phone's width ({@code target/webui-screenshots/<prefix>-<user>-<page>[-phone].png}).
 * It changes no data. {@code WebAppBrowserTest} walks the test stack with it; against the running demo
 * ({@code mvn -Pdemo package}) run it with the test classpath:
 * {@code java -cp target/test-classes:$(cat target/test-classpath.txt) org.casebridge.webui.DemoWalk [app URL]}.
 */
public final class DemoWalk {

    static final List<String> DEMO_USERS = List.of("pr.stluke", "pr.lawcentre", "pr.safehaven", "cw.amani", "sup.amani",
            "cw.kindred", "sup.kindred", "lead.borno", "lead.adamawa", "admin.amani", "fac.borno", "auditor");
    static final Dimension PHONE = new Dimension(390, 844);
    private static final By LOADING = By.xpath("//main//*[.='Loading…']");

    private final String prefix;
    private final String user;
    private final List<String> findings = new ArrayList<>();

    private DemoWalk(String prefix, String user) {
        this.prefix = prefix;
        this.user = user;
    }

    public static void main(String[] args) {
        String app = args.length > 0 ? args[0] : "http://localhost:8080/app/";
        List<String> findings = DEMO_USERS.stream().flatMap(user -> walk(app, user, "demo").stream()).toList();
        System.out.println(findings.isEmpty() ? "No findings" : "Findings:\n  " + String.join("\n  ", findings));
        System.out.println("Screenshots: " + Browsers.SCREENSHOTS.toAbsolutePath() + "/demo-*.png");
        System.exit(findings.isEmpty() ? 0 : 1);
    }

    /** What is wrong on the pages this user can reach, one line each; empty when nothing is. */
    static List<String> walk(String app, String user, String prefix) {
        DemoWalk walk = new DemoWalk(prefix, user);
        WebDriver browser = Browsers.open();
        try {
            recordFailedOperations(browser);
            signIn(browser, app, user);
            walk.page(browser);
            List<String> nav = browser.findElements(By.cssSelector("header nav button")).stream().map(WebElement::getText).toList();
            for (String item : nav) {
                By button = By.xpath("//header//nav//button[.=\"" + item + "\"]");
                browser.findElement(button).click();
                waiting(browser).until(ExpectedConditions.attributeToBe(button, "aria-current", "page"));
                walk.page(browser);
                walk.behind(browser);
            }
            browser.findElement(By.xpath("//button[.='Sign out']")).click();
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            System.out.println(user + ": " + nav + " walked, signed out");
        } catch (RuntimeException | AssertionError e) {
            walk.findings.add(user + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            screenshot(browser, prefix + "-" + user + "-failed");
        } finally {
            Browsers.quit(browser);
        }
        return walk.findings;
    }

    /** The first item behind a list page: a referral of the inbox, a case and its refer page; the dashboard's CSVs. */
    private void behind(WebDriver browser) {
        String heading = browser.findElement(By.tagName("h1")).getText();
        if (heading.equals("State dashboard")) {
            List<WebElement> csv = browser.findElements(By.cssSelector("section.figure > button"));
            for (int i = 0; i < csv.size(); i++) {
                csv.get(i).click();
                long saved = i + 1;
                waiting(browser).until(b -> {
                    try (var files = Files.list(Browsers.downloads(b))) {
                        return files.filter(f -> f.toString().endsWith(".csv")).count() == saved;
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            }
            System.out.println(user + ": " + csv.size() + " CSV files downloaded to " + Browsers.downloads(browser));
            errorsShown(browser, heading + " after the CSV downloads");
            return;
        }
        List<WebElement> first = browser.findElements(By.cssSelector("main table tbody th button.link"));
        if (first.isEmpty() || !(heading.startsWith("Referrals") || heading.equals("Cases"))) {
            return;
        }
        first.get(0).click();
        waiting(browser).until(b -> !b.findElement(By.tagName("h1")).getText().equals(heading));
        page(browser);
        List<WebElement> refer = browser.findElements(By.xpath("//button[.='Refer to a service']"));
        if (!refer.isEmpty()) {
            refer.get(0).click();
            waiting(browser).until(ExpectedConditions.textMatches(By.tagName("h1"), java.util.regex.Pattern.compile("^Refer case")));
            page(browser);
        }
    }

    private void page(WebDriver browser) {
        waiting(browser).until(b -> b.findElements(LOADING).isEmpty());
        String heading = browser.findElement(By.tagName("h1")).getText();
        String name = prefix + "-" + user + "-" + heading.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        List<String> violations = seriousViolations(browser);
        if (!violations.isEmpty()) {
            findings.add(user + " on '" + heading + "': " + violations);
        }
        errorsShown(browser, heading);
        screenshot(browser, name);
        Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(PHONE);
        if (!fitsItsWidth(browser)) {
            findings.add(user + " on '" + heading + "' scrolls sideways at " + PHONE.width + " px: the page is "
                    + Browsers.script(browser, "return document.scrollingElement.scrollWidth") + " px wide");
        }
        screenshot(browser, name + "-phone");
        browser.manage().window().setSize(wide);
        fitsItsWidth(browser);
    }

    private void errorsShown(WebDriver browser, String where) {
        List<WebElement> alerts = browser.findElements(By.cssSelector("main [role=alert], main .error"));
        alerts.forEach(alert -> findings.add(user + " on '" + where + "' shows: " + alert.getText()));
        if (!alerts.isEmpty()) {
            findings.add(user + " on '" + where + "', the operations the API refused: " + Browsers.script(browser, "return window.failedOperations"));
        }
    }

    /**
     * Before any page script runs, each document of the app gets a wrapper of fetch that keeps every GraphQL request
     * the API answered with an error other than CONSENT_REQUIRED (operation, variables, codes and fields), so a
     * banner in a finding comes with the request that caused it.
     */
    private static void recordFailedOperations(WebDriver browser) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                window.failedOperations = [];
                const send = window.fetch;
                window.fetch = async (url, init) => {
                  const response = await send(url, init);
                  if (String(url).endsWith('/graphql') && init?.body) {
                    response.clone().json().then(body => {
                      const errors = (body.errors ?? []).filter(e => e.extensions?.code !== 'CONSENT_REQUIRED');
                      if (!errors.length) return;
                      const { query, variables } = JSON.parse(init.body);
                      window.failedOperations.push({ operation: /(query|mutation)\\s+(\\w+)/.exec(query)?.[2], variables,
                        errors: errors.map(e => ({ code: e.extensions?.code, field: e.extensions?.field, message: e.message })) });
                    }, () => {});
                  }
                  return response;
                };"""));
    }

    /**
     * Whether the page, as laid out at the window's current width, needs no horizontal scrolling (a table may scroll
     * inside its own region). Charts redraw after a resize, so the page gets a few seconds to settle.
     */
    static boolean fitsItsWidth(WebDriver browser) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> Boolean.TRUE.equals(
                    Browsers.script(b, "return document.scrollingElement.scrollWidth <= window.innerWidth")));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}
