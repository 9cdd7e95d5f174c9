package org.casebridge.webui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.casebridge.support.Cases;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.casebridge.support.GraphQLClient.ok;
import static org.casebridge.webui.Browsers.screenshot;
import static org.casebridge.webui.Browsers.script;
import static org.casebridge.webui.Browsers.waiting;
import static org.casebridge.webui.Keyboard.focusKept;
import static org.casebridge.webui.Keyboard.focusOnTheMainHeading;
import static org.casebridge.webui.Keyboard.press;
import static org.casebridge.webui.Keyboard.tab;
import static org.casebridge.webui.Keyboard.tabTo;
import static org.casebridge.webui.Keyboard.tabToButton;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main tasks of each role with the keyboard only (WCAG 2.1 AA 2.1.1 keyboard, 2.4.3 focus order, 2.4.7 focus
 * visible). Every page the header offers a user (read from the page's own navigation, as {@link DemoWalk} does) and
 * every page the tasks pass through is walked by {@link Keyboard#walk}: Tab reaches each focusable element once, in
 * document order, visibly, and Shift+Tab walks back. After a page change the focus is on the main heading; after an
 * action that removes the focused element the focus stays on the page. Screenshots: target/webui-screenshots/keyboard-*.png.
 */
@QuarkusTest
@EnabledIf("org.casebridge.webui.Browsers#present")
class KeyboardOnlyBrowserTest {

    @TestHTTPResource("/app/")
    URL app;

    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    @BeforeEach
    void letTheRealmComeBackToThisPort() {
        Browsers.allowRedirectTo(app.toString());
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browsers::quit);
        browsers.clear();
    }

    private WebDriver signedIn(String user) {
        WebDriver browser = Browsers.open();
        browsers.add(browser);
        Keyboard.signIn(browser, app.toString(), user);
        return browser;
    }

    private void check(WebDriver browser, String page) {
        findings.addAll(Keyboard.walk(browser, page));
        tabTo(browser, "the first element after the heading", "true");
        screenshot(browser, "keyboard-" + page.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
    }

    /** Each page of the header's navigation, opened with Tab and Enter, lands on its heading and passes the walk. */
    private void everyPageOfTheHeader(WebDriver browser, String user) {
        @SuppressWarnings("unchecked")
        List<String> nav = (List<String>) script(browser, "return [...document.querySelectorAll('header nav button')].map(b => b.textContent.trim())");
        assertTrue(!nav.isEmpty(), user + " has pages");
        for (String item : nav) {
            tabToButton(browser, item);
            press(browser, Keys.ENTER);
            waiting(browser).until(ExpectedConditions.attributeToBe(By.xpath("//header//nav//button[.=\"" + item + "\"]"), "aria-current", "page"));
            focusOnTheMainHeading(browser);
            check(browser, user + " " + item);
        }
    }

    private void signOut(WebDriver browser) {
        tabToButton(browser, "Sign out");
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertEquals(0L, script(browser, "return localStorage.length"));
    }

    private void noFindings() {
        assertEquals(List.of(), findings, "keyboard findings");
    }

    private static String referralSharingOnlyTheSummary() {
        String caseId = Cases.open("cw.amani", "Keyboard Survivor " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        return Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
    }

    @Test
    void aProviderOpensAReferralFromTheInboxAndAcceptsItWithTheKeyboard() {
        String referralId = referralSharingOnlyTheSummary();
        WebDriver browser = signedIn("pr.stluke");
        everyPageOfTheHeader(browser, "pr.stluke");

        tabToButton(browser, "Referrals received");
        press(browser, Keys.ENTER);
        focusOnTheMainHeading(browser);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-referral='" + referralId + "']")));
        tabTo(browser, "the new referral's link", "el.closest('tr')?.dataset.referral === " + Keyboard.quoted(referralId));
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Referral"));
        focusOnTheMainHeading(browser);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[.='Accept']")));
        check(browser, "pr.stluke referral");

        // Space opens the step, Escape closes it again and gives the focus back to the button that opened it
        tabToButton(browser, "Accept");
        press(browser, " ");
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.move")));
        tabTo(browser, "the step's note", "el.id === 'm-note'");
        press(browser, Keys.ESCAPE);
        waiting(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form.move")));
        assertEquals(Boolean.TRUE, script(browser, "return document.activeElement.textContent.trim() === 'Accept'"),
                "Escape gives the focus back to the step's button, not " + Keyboard.focused(browser));

        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.move")));
        check(browser, "pr.stluke referral, accepting");
        tabToButton(browser, "Confirm: Accepted");
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.status"), "Accepted"));
        assertTrue(focusKept(browser), "the focus stays on the page after the step's form is gone, not on the body");
        screenshot(browser, "keyboard-pr-stluke-accepted");
        assertEquals("ACCEPTED", ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { status } }", Map.of("id", referralId))
                .getString("data.referral.status"));
        check(browser, "pr.stluke referral, accepted");
        signOut(browser);
        noFindings();
    }

    @Test
    void aCaseworkerRecordsAConsentAndRefersThroughTheDirectoryWithTheKeyboard() {
        String caseId = Cases.open("cw.amani", "Keyboard Directory Survivor " + UUID.randomUUID());
        String caseNumber = ok(Tokens.of("cw.amani"), "query($id: ID!) { case(id: $id) { caseNumber } }", Map.of("id", caseId))
                .getString("data.case.caseNumber");
        WebDriver browser = signedIn("cw.amani");
        everyPageOfTheHeader(browser, "cw.amani");

        tabToButton(browser, "Cases");
        press(browser, Keys.ENTER);
        focusOnTheMainHeading(browser);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//table//button[.='" + caseNumber + "']")));
        tabToButton(browser, caseNumber);
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Case " + caseNumber));
        focusOnTheMainHeading(browser);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//summary[.='Record a consent']")));
        check(browser, "cw.amani case");

        tabTo(browser, "Record a consent", "el.tagName === 'SUMMARY' && el.textContent.trim() === 'Record a consent'");
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rc-agency option[value='LAWCENTRE']")));
        check(browser, "cw.amani case, recording a consent");
        tabTo(browser, "the consent's agency", "el.id === 'rc-agency'");
        press(browser, "Borno Legal");
        assertEquals("LAWCENTRE", script(browser, "return document.getElementById('rc-agency').value"), "typing chose the agency");
        tabTo(browser, "the consent's purpose", "el.id === 'rc-purpose'");
        assertEquals("REFERRAL", script(browser, "return document.getElementById('rc-purpose').value"));
        tabTo(browser, "the record button", "el.type === 'submit' && el.textContent.trim() === 'Record a consent'");
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "The consent was recorded."));
        assertTrue(focusKept(browser), "the focus stays on the page after recording, not on the body");

        tabToButton(browser, "Refer to a service");
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Refer case " + caseNumber));
        focusOnTheMainHeading(browser);
        tabTo(browser, "the service type", "el.id === 's-type'");
        press(browser, "Legal");
        String service = "Legal counselling and representation";
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[aria-label='Refer here: " + service + "']")));
        waiting(browser).until(b -> b.findElements(By.cssSelector("ul.services li")).stream().allMatch(li -> li.getText().contains("Legal")));
        check(browser, "cw.amani refer");
        tabTo(browser, "Refer here: " + service, "el.getAttribute('aria-label') === " + Keyboard.quoted("Refer here: " + service));
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("h-chosen"), service));
        waiting(browser).until(b -> Boolean.TRUE.equals(script(b, "return document.activeElement === document.getElementById('h-chosen')")));
        check(browser, "cw.amani refer, service chosen");
        tabTo(browser, "the urgency", "el.id === 'r-urgency'");
        press(browser, "Urgent");
        tab(browser);
        press(browser, "Needs advice on protection orders");
        tabToButton(browser, "Send the referral");
        press(browser, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "was sent"));
        focusOnTheMainHeading(browser);
        screenshot(browser, "keyboard-cw-amani-referred");

        List<Map<String, Object>> referrals = ok(Tokens.of("cw.amani"),
                "query($id: ID!) { case(id: $id) { referrals { urgency note service { name } } } }", Map.of("id", caseId))
                .getList("data.case.referrals");
        assertEquals(1, referrals.size(), "one referral: " + referrals);
        assertEquals(service, ((Map<?, ?>) referrals.get(0).get("service")).get("name"));
        assertEquals("URGENT", referrals.get(0).get("urgency"));
        assertEquals("Needs advice on protection orders", referrals.get(0).get("note"));
        signOut(browser);
        noFindings();
    }

    @Test
    void theStateLeadMovesBetweenTheDashboardsTablesAndDownloadsACsvWithTheKeyboard() throws IOException {
        WebDriver browser = signedIn("lead.borno");
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.asof")));
        everyPageOfTheHeader(browser, "lead.borno");

        // Tab moves from table to table in the page's order, each table's region and its CSV button in turn
        List<WebElement> regions = browser.findElements(By.cssSelector("section.figure .table-scroll"));
        assertEquals(5, regions.size());
        for (WebElement region : regions) {
            waiting(browser).until(b -> {
                tab(b);
                return region.equals(b.switchTo().activeElement());
            });
            press(browser, Keys.ARROW_RIGHT);
        }
        screenshot(browser, "keyboard-lead-borno-table");

        String period = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        tabToButton(browser, "Download CSV: Needs by theme and urgency");
        tabToButton(browser, "Download CSV: Referral outcomes by service type");
        press(browser, " ");
        String saved = Files.readString(Browsers.downloaded(browser, "referrals-" + period + ".csv"), UTF_8);
        String api = RestAssured.given().auth().oauth2(Tokens.of("lead.borno")).queryParam("period", period)
                .get(app.toString().replaceFirst("/app/$", "/aggregates/referrals.csv")).then().statusCode(200).extract().asString();
        assertEquals(api, saved, "Space on the CSV button saved the API's CSV");
        signOut(browser);
        noFindings();
    }
}
