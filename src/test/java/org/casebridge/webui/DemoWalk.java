package org.casebridge.webui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.casebridge.webui.Browsers.screenshot;
import static org.casebridge.webui.Browsers.seriousViolations;
import static org.casebridge.webui.Browsers.signIn;
import static org.casebridge.webui.Browsers.waiting;

/**
 * Walks the running demo ({@code mvn -Pdemo package}) in Chromium as every demo user: signs in on the demo
 * Keycloak, opens each page the header offers, then the pages behind them (a referral, a case, the refer page),
 * checks each with axe-core and saves a screenshot per user and page, also at a phone's width, under
 * {@code target/webui-screenshots/demo-*.png}. It changes no data. Run it against the demo with the test classpath:
 * {@code java -cp target/test-classes:$(cat target/test-classpath.txt) org.casebridge.webui.DemoWalk [app URL]}.
 */
public final class DemoWalk {

    static final List<String> DEMO_USERS = List.of("pr.stluke", "pr.lawcentre", "pr.safehaven", "cw.amani", "sup.amani",
            "cw.kindred", "sup.kindred", "lead.borno", "lead.adamawa", "admin.amani", "fac.borno", "auditor");

    private DemoWalk() {
    }

    public static void main(String[] args) {
        String app = args.length > 0 ? args[0] : "http://localhost:8080/app/";
        List<String> findings = new ArrayList<>();
        for (String user : DEMO_USERS) {
            WebDriver browser = Browsers.open();
            try {
                signIn(browser, app, user);
                page(browser, user, findings);
                List<String> nav = browser.findElements(By.cssSelector("header nav button")).stream().map(WebElement::getText).toList();
                for (String item : nav) {
                    browser.findElement(By.xpath("//header//nav//button[.=\"" + item + "\"]")).click();
                    waiting(browser).until(ExpectedConditions.attributeToBe(By.xpath("//header//nav//button[.=\"" + item + "\"]"), "aria-current", "page"));
                    waiting(browser).until(b -> b.findElements(By.xpath("//*[.='Loading…']")).isEmpty());
                    page(browser, user, findings);
                    behind(browser, user, findings);
                }
                browser.findElement(By.xpath("//button[.='Sign out']")).click();
                waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
                System.out.println(user + ": " + nav + " walked, signed out");
            } catch (RuntimeException | AssertionError e) {
                findings.add(user + ": " + e.getMessage().lines().findFirst().orElse(""));
                screenshot(browser, "demo-" + user + "-failed");
            } finally {
                Browsers.quit(browser);
            }
        }
        System.out.println(findings.isEmpty() ? "No findings" : "Findings:\n  " + String.join("\n  ", findings));
        System.out.println("Screenshots: " + Browsers.SCREENSHOTS.toAbsolutePath() + "/demo-*.png");
        System.exit(findings.isEmpty() ? 0 : 1);
    }

    /** The first item behind a list page: a referral of the inbox, a case and its refer page. */
    private static void behind(WebDriver browser, String user, List<String> findings) {
        String heading = browser.findElement(By.tagName("h1")).getText();
        waiting(browser).until(b -> b.findElements(By.xpath("//*[.='Loading…']")).isEmpty());
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
            return;
        }
        List<WebElement> first = browser.findElements(By.cssSelector("main table tbody th button.link"));
        if (first.isEmpty() || !(heading.startsWith("Referrals") || heading.equals("Cases"))) {
            return;
        }
        first.get(0).click();
        waiting(browser).until(b -> !b.findElement(By.tagName("h1")).getText().equals(heading));
        waiting(browser).until(b -> b.findElements(By.xpath("//*[.='Loading…']")).isEmpty());
        page(browser, user, findings);
        List<WebElement> refer = browser.findElements(By.xpath("//button[.='Refer to a service']"));
        if (!refer.isEmpty()) {
            refer.get(0).click();
            waiting(browser).until(ExpectedConditions.textMatches(By.tagName("h1"), java.util.regex.Pattern.compile("^Refer case")));
            page(browser, user, findings);
        }
    }

    private static void page(WebDriver browser, String user, List<String> findings) {
        String heading = browser.findElement(By.tagName("h1")).getText();
        String name = "demo-" + user + "-" + heading.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        List<String> violations = seriousViolations(browser);
        if (!violations.isEmpty()) {
            findings.add(user + " on '" + heading + "': " + violations);
        }
        browser.findElements(By.cssSelector("[role=alert], .error")).forEach(alert -> findings.add(user + " on '" + heading + "' shows: " + alert.getText()));
        screenshot(browser, name);
        Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        Object sideways = Browsers.script(browser, "return document.documentElement.scrollWidth > window.innerWidth");
        if (Boolean.TRUE.equals(sideways)) {
            findings.add(user + " on '" + heading + "' scrolls sideways at 390 px");
        }
        screenshot(browser, name + "-phone");
        browser.manage().window().setSize(wide);
        if (!Files.exists(Browsers.SCREENSHOTS.resolve(name + ".png"))) {
            findings.add(user + ": no screenshot " + name);
        }
    }
}
