package org.casebridge.webui;

import graphql.schema.GraphQLEnumType;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.restassured.RestAssured;
import org.casebridge.deploy.ManifestsTest;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.casebridge.support.GraphQLClient.ok;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.casebridge.webui.Browsers.asyncScript;
import static org.casebridge.webui.Browsers.downloaded;
import static org.casebridge.webui.Browsers.requestedPaths;
import static org.casebridge.webui.Browsers.screenshot;
import static org.casebridge.webui.Browsers.script;
import static org.casebridge.webui.Browsers.seriousViolations;
import static org.casebridge.webui.Browsers.signIn;
import static org.casebridge.webui.Browsers.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app under /app/ in a real Chromium, against the test stack's real Keycloak login page and the real API.
 * Screenshots of every page are written to target/webui-screenshots/.
 */
@QuarkusTest
@EnabledIf("org.casebridge.webui.Browsers#present")
class WebAppBrowserTest {

    @TestHTTPResource("/app/")
    URL app;

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeEach
    void letTheRealmComeBackToThisPort() {
        Browsers.allowRedirectTo(app.toString());
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browsers::quit);
        browsers.clear();
    }

    private WebDriver browser() {
        WebDriver browser = Browsers.open();
        browsers.add(browser);
        return browser;
    }

    private static void accessible(WebDriver browser, String page) {
        assertEquals(List.of(), seriousViolations(browser), "serious WCAG 2.1 AA violations on the " + page + " page");
    }

    /** Everything the page requested from the app's origin is routed by the production Ingress (k8s/base). */
    private static void routedByTheIngress(WebDriver browser) {
        try {
            List<String> routes = ManifestsTest.ingress().getSpec().getRules().stream()
                    .flatMap(rule -> rule.getHttp().getPaths().stream()).map(HTTPIngressPath::getPath).toList();
            Set<String> requested = requestedPaths(browser);
            assertTrue(requested.stream().anyMatch(p -> p.startsWith("/_static/")), "the libraries were requested: " + requested);
            assertEquals(List.of(), requested.stream().filter(path -> routes.stream().noneMatch(route -> ManifestsTest.routes(route, path))).toList(),
                    "requested by the app but not routed by the Ingress " + routes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String referralSharingOnlyTheSummary(String fullName) {
        String caseId = Cases.open("cw.amani", fullName);
        Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
        return Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
    }

    private static By row(String referralId) {
        return By.cssSelector("tr[data-referral='" + referralId + "']");
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void aProviderSignsInAndSeesTheDemoInbox() {
        WebDriver browser = browser();
        signIn(browser, app.toString(), "pr.stluke");
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.inbox tbody tr")));
        assertTrue(browser.findElements(By.cssSelector("table.inbox tbody tr")).size() > 0, "the demo referrals to St Luke's are listed");
        assertEquals("Referrals received · Casebridge", browser.getTitle());
        accessible(browser, "inbox");
        screenshot(browser, "provider-inbox");

        new Select(browser.findElement(By.id("f-status"))).selectByValue("ACCEPTED");
        waiting(browser).until(b -> b.findElements(By.cssSelector("table.inbox tbody td.status")).stream()
                .allMatch(cell -> cell.getText().equals("Accepted")) && text(b, "table.inbox caption").contains("("));
        new Select(browser.findElement(By.id("f-status"))).selectByValue("");
        int all = ok(Tokens.of("pr.stluke"), "{ referralsReceived { totalCount } }", null).getInt("data.referralsReceived.totalCount");
        waiting(browser).until(b -> text(b, "table.inbox caption").equals("Referrals received (" + all + ")"));
        // the urgency filter, with the urgency of the first referral listed: the list is the API's for that urgency
        String urgency = browser.findElement(By.cssSelector("table.inbox tbody .badge[class*='urgency-']")).getAttribute("class")
                .replaceFirst(".*urgency-(\\w+).*", "$1");
        int ofUrgency = ok(Tokens.of("pr.stluke"), "query($f: ReferralFilter) { referralsReceived(filter: $f) { totalCount } }",
                Map.of("f", Map.of("urgency", urgency))).getInt("data.referralsReceived.totalCount");
        new Select(browser.findElement(By.id("f-urgency"))).selectByValue(urgency);
        waiting(browser).until(b -> text(b, "table.inbox caption").equals("Referrals received (" + ofUrgency + ")")
                && b.findElements(By.cssSelector("table.inbox tbody .badge[class*='urgency-']")).stream()
                .allMatch(badge -> badge.getAttribute("class").contains("urgency-" + urgency)));
        browser.findElement(By.xpath("//header//button[.='Conferences and action items']")).click();
        waiting(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Conferences and action items"));
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("h-items")));
        accessible(browser, "conferences");
        screenshot(browser, "provider-conferences");
        routedByTheIngress(browser);
    }

    @Test
    void aFieldWithoutConsentIsShownAsNotSharedAndNothingOfTheSurvivorIsKeptInTheBrowser() {
        String survivor = "Browser Survivor " + UUID.randomUUID();
        String referralId = referralSharingOnlyTheSummary(survivor);
        WebDriver browser = browser();
        signIn(browser, app.toString(), "pr.stluke");
        Object historyBefore = script(browser, "return history.length");
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(row(referralId))).findElement(By.tagName("button")).click();
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.fields .not-shared")));
        assertEquals(historyBefore, script(browser, "return history.length"), "opening the referral added no history entry");
        assertEquals(null, script(browser, "return history.state"), "the history entry holds no state of the page");

        List<String> notShared = browser.findElements(By.cssSelector("#h-case ~ dl dd")).stream()
                .filter(dd -> !dd.findElements(By.className("not-shared")).isEmpty()).map(WebElement::getText).toList();
        assertEquals(List.of("not shared by the survivor", "not shared by the survivor", "not shared by the survivor", "not shared by the survivor"),
                notShared, "identity, safety plan, incident and health notes are outside the consent");
        assertTrue(browser.findElement(By.cssSelector("#h-case ~ dl")).getText().contains("Health"), "the consented summary is shown");
        accessible(browser, "referral");
        screenshot(browser, "provider-referral-not-shared");
        routedByTheIngress(browser);

        browser.manage().window().setSize(new Dimension(390, 844));
        waiting(browser).until(b -> Boolean.TRUE.equals(script(b, "return document.documentElement.scrollWidth <= window.innerWidth")));
        screenshot(browser, "provider-referral-phone");

        assertFalse(browser.getPageSource().contains(survivor), "the name never reached the page");
        assertEquals(app.toString(), browser.getCurrentUrl(), "the address bar holds nothing of the referral");
        assertFalse(browser.getTitle().contains(referralId));
        assertEquals(0L, script(browser, "return localStorage.length"));
        assertEquals(0L, script(browser, "return sessionStorage.length"));
    }

    @Test
    void acceptingInOneBrowserUpdatesTheOtherLiveAndAStaleVersionIsAConflict() {
        String referralId = referralSharingOnlyTheSummary("Live Survivor " + UUID.randomUUID());
        WebDriver watcher = browser();
        signIn(watcher, app.toString(), "pr.stluke");
        waiting(watcher).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .live-up")));
        waiting(watcher).until(ExpectedConditions.textToBePresentInElementLocated(row(referralId), "Requested"));
        script(watcher, "window.sameDocument = true");

        WebDriver actor = browser();
        signIn(actor, app.toString(), "pr.stluke");
        waiting(actor).until(ExpectedConditions.presenceOfElementLocated(row(referralId))).findElement(By.tagName("button")).click();
        waiting(actor).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='Accept']"))).click();
        actor.findElement(By.xpath("//button[.='Confirm: Accepted']")).click();
        waiting(actor).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.status"), "Accepted"));

        waiting(watcher).until(ExpectedConditions.textToBePresentInElementLocated(row(referralId), "Accepted"));
        assertEquals(Boolean.TRUE, script(watcher, "return window.sameDocument === true"), "updated live, not by reloading the page");
        screenshot(watcher, "provider-inbox-updated-live");

        // someone else moves it on while the actor's page still shows version and status it loaded
        Cases.move("pr.stluke", referralId, "IN_PROGRESS", Map.of());
        actor.findElement(By.xpath("//button[.='Put on hold']")).click();
        actor.findElement(By.xpath("//button[.='Confirm: On hold']")).click();
        WebElement alert = waiting(actor).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#h-moves ~ .error, .move ~ .error, section .error")));
        assertTrue(alert.getText().contains("changed by someone else"), alert.getText());
        screenshot(actor, "provider-referral-conflict");
        assertEquals("IN_PROGRESS", ok(Tokens.of("pr.stluke"), "query($id: ID!) { referral(id: $id) { status } }", Map.of("id", referralId))
                .getString("data.referral.status"), "the stale change stored nothing");
        alert.findElement(By.xpath(".//button[.='Reload']")).click();
        waiting(actor).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.status"), "In progress"));
    }

    @Test
    void aCaseworkerRefersThroughTheDirectoryAndOnlyASupervisorIsOfferedASharingDecision() {
        String caseId = Cases.open("cw.amani", "Directory Survivor " + UUID.randomUUID());
        Cases.consent("cw.amani", caseId, "LAWCENTRE", List.of("CASE_SUMMARY"), "REFERRAL");
        String caseNumber = ok(Tokens.of("cw.amani"), "query($id: ID!) { case(id: $id) { caseNumber } }", Map.of("id", caseId))
                .getString("data.case.caseNumber");

        WebDriver browser = browser();
        signIn(browser, app.toString(), "cw.amani");
        openReferPage(browser, caseNumber);
        accessible(browser, "refer");

        chooseService(browser, "HEALTH", "Clinical management of rape");
        assertTrue(text(browser, "#missing-consent").contains("no current consent"), text(browser, "#missing-consent"));
        assertTrue(browser.findElements(By.cssSelector("fieldset.decision")).isEmpty(), "a caseworker is not offered a sharing decision");
        assertTrue(browser.findElements(By.xpath("//button[.='Send the referral']")).isEmpty(), "nor a referral the server would refuse");

        chooseService(browser, "LEGAL", "Legal counselling and representation");
        assertTrue(text(browser, "p.ok").contains("consent covers"), text(browser, "p.ok"));
        browser.findElement(By.id("r-note")).sendKeys("Needs advice on protection orders");
        new Select(browser.findElement(By.id("r-urgency"))).selectByValue("URGENT");
        screenshot(browser, "caseworker-refer");
        browser.findElement(By.xpath("//button[.='Send the referral']")).click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "was sent"));
        accessible(browser, "case");
        screenshot(browser, "caseworker-case");

        List<Map<String, Object>> referrals = ok(Tokens.of("cw.amani"),
                "query($id: ID!) { case(id: $id) { referrals { status urgency note service { name } } } }", Map.of("id", caseId))
                .getList("data.case.referrals");
        assertEquals(1, referrals.size(), "exactly the one referral was created: " + referrals);
        assertEquals("Legal counselling and representation", ((Map<?, ?>) referrals.get(0).get("service")).get("name"));
        assertEquals("URGENT", referrals.get(0).get("urgency"));

        browser.findElement(By.xpath("//summary[.='Record a consent']")).click();
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rc-agency option[value='STLUKE']")));
        new Select(browser.findElement(By.id("rc-agency"))).selectByValue("STLUKE");
        new Select(browser.findElement(By.id("rc-purpose"))).selectByValue("REFERRAL");
        browser.findElement(By.xpath("//form//button[.='Record a consent']")).click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "The consent was recorded."));
        String consents = "query($id: ID!) { consents(caseId: $id) { recipientAgency { code } purpose categories current revokedAt } }";
        List<Map<String, Object>> recorded = ok(Tokens.of("cw.amani"), consents, Map.of("id", caseId)).getList("data.consents");
        assertTrue(recorded.stream().anyMatch(c -> ((Map<?, ?>) c.get("recipientAgency")).get("code").equals("STLUKE") && c.get("purpose").equals("REFERRAL")
                && c.get("categories").equals(List.of("CASE_SUMMARY")) && Boolean.TRUE.equals(c.get("current"))), "recorded as entered: " + recorded);
        WebElement stLuke = browser.findElement(By.xpath("//table//tr[th[.=\"St Luke's Clinic\"]]"));
        stLuke.findElement(By.xpath(".//button[.='Revoke']")).click();
        waiting(browser).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='Confirm revocation']"))).click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "The consent was revoked."));
        assertTrue(ok(Tokens.of("cw.amani"), consents, Map.of("id", caseId)).<Map<String, Object>>getList("data.consents").stream()
                .filter(c -> ((Map<?, ?>) c.get("recipientAgency")).get("code").equals("STLUKE"))
                .allMatch(c -> c.get("revokedAt") != null && Boolean.FALSE.equals(c.get("current"))), "revoked");
        screenshot(browser, "caseworker-consents");

        WebDriver supervisor = browser();
        signIn(supervisor, app.toString(), "sup.amani");
        openReferPage(supervisor, caseNumber);
        chooseService(supervisor, "HEALTH", "Clinical management of rape");
        assertTrue(text(supervisor, "#missing-consent").contains("as a supervisor"), text(supervisor, "#missing-consent"));
        assertFalse(supervisor.findElements(By.cssSelector("fieldset.decision")).isEmpty(), "a supervisor may record a decision for this referral");
        accessible(supervisor, "refer (supervisor)");
        screenshot(supervisor, "supervisor-refer-decision");
        routedByTheIngress(browser);
    }

    private void openReferPage(WebDriver browser, String caseNumber) {
        browser.findElement(By.xpath("//header//button[.='Cases']")).click();
        waiting(browser).until(ExpectedConditions.elementToBeClickable(By.xpath("//table//button[.='" + caseNumber + "']"))).click();
        waiting(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Case " + caseNumber));
        browser.findElement(By.xpath("//button[.='Refer to a service']")).click();
        waiting(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "Refer case " + caseNumber));
    }

    private void chooseService(WebDriver browser, String type, String service) {
        new Select(browser.findElement(By.id("s-type"))).selectByValue(type);
        waiting(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Refer here: " + service + "']"))).click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("h-chosen"), service));
    }

    @Test
    void theStateLeadsDashboardDrawsItsChartsAndMarksSuppressedCells() {
        WebDriver browser = browser();
        signIn(browser, app.toString(), "lead.borno");
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.asof")));
        assertTrue(text(browser, "p.asof").contains("released on"), text(browser, "p.asof"));
        for (String chart : List.of("needs", "referrals", "follow-up-timeliness", "closure-reasons", "acceptance")) {
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-" + chart + " svg path")));
        }
        List<WebElement> suppressed = browser.findElements(By.cssSelector("td.suppressed"));
        assertFalse(suppressed.isEmpty(), "the test data's small counts are suppressed");
        for (WebElement cell : suppressed) {
            assertEquals("suppressed", cell.getText(), "a suppressed cell is never drawn as a number");
            assertTrue(cell.getAttribute("title").contains("Not zero"), "the reason is on hover");
        }
        assertEquals(Boolean.TRUE, script(browser, "return document.querySelector('#chart-referrals svg pattern') !== null"),
                "the chart draws suppressed cells hatched");
        // every row and column heading is words of the app's strings, never an API value such as NOT_APPLICABLE
        // (agency codes are names: shown as they are)
        Set<String> agencyCodes = Db.rows("select code from agency").stream().map(r -> (String) r.get("code")).collect(Collectors.toSet());
        Pattern apiValue = Pattern.compile("\\b[A-Z]{4,}\\b|\\b[A-Z]+(_[A-Z]+)+\\b");
        List<String> rawValues = browser.findElements(By.cssSelector("table.aggregate th")).stream().map(WebElement::getText)
                .filter(heading -> apiValue.matcher(heading).results().anyMatch(m -> !agencyCodes.contains(m.group()))).toList();
        assertEquals(List.of(), rawValues, "table headings showing the API's values untranslated");
        assertEquals(5L, script(browser, "return document.querySelectorAll('section.figure button').length"), "a CSV download per table");
        accessible(browser, "dashboard");
        screenshot(browser, "state-lead-dashboard");
        routedByTheIngress(browser);

        // the periods offered are exactly those the API lists (reportingPeriods), year by year
        List<Map<String, Object>> periods = ok(Tokens.of("lead.borno"), "{ reportingPeriods { label year quarter month } }", null)
                .getList("data.reportingPeriods");
        List<String> years = periods.stream().map(p -> String.valueOf(p.get("year"))).distinct().toList();
        assertEquals(years, new Select(browser.findElement(By.id("p-year"))).getOptions().stream().map(WebElement::getText).toList(),
                "the years offered");
        for (String year : years) {
            new Select(browser.findElement(By.id("p-year"))).selectByVisibleText(year);
            List<String> expected = periods.stream().filter(p -> String.valueOf(p.get("year")).equals(year))
                    .map(p -> p.get("month") != null ? "m" + p.get("month") : p.get("quarter") != null ? "q" + p.get("quarter") : "y").toList();
            waiting(browser).until(b -> text(b, "p.asof").contains(year + "-") || text(b, "p.asof").contains("Period " + year + ","));
            assertEquals(expected, new Select(browser.findElement(By.id("p-part"))).getOptions().stream().map(o -> o.getAttribute("value")).toList(),
                    "the periods offered for " + year);
        }
    }

    /**
     * A CSV download whose token the API refuses (401, as for a token that ended) renews the token and saves the file,
     * as GraphQL requests do, rather than reporting the session as ended: the same page, no sign-in, the API's file.
     */
    @Test
    void aCsvDownloadWhoseTokenIsRefusedRenewsItAndSavesTheFile() {
        WebDriver browser = browser();
        signIn(browser, app.toString(), "lead.borno");
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.asof")));
        String period = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        // the first CSV request goes out with its token's signature spoiled, so the API refuses it with 401
        script(browser, """
                window.sameDocument = true;
                window.csvAuthorizations = [];
                const send = window.fetch;
                let spoiled = false;
                window.fetch = (url, init = {}) => {
                  if (String(url).includes('/aggregates/')) {
                    const auth = new Headers(init.headers).get('Authorization');
                    window.csvAuthorizations.push(auth);
                    if (!spoiled) {
                      spoiled = true;
                      init = { ...init, headers: { ...init.headers, Authorization: auth.split('.').slice(0, 2).join('.') + '.c2lnbmF0dXJl' } };
                    }
                  }
                  return send(url, init);
                };""");
        browser.findElement(By.cssSelector("section[aria-labelledby='h-needs'] > button")).click();
        Path file = Browsers.downloads(browser).resolve("needs-" + period + ".csv");
        waiting(browser).until(b -> Files.exists(file) && !Files.exists(file.resolveSibling(file.getFileName() + ".crdownload"))
                || !b.findElements(By.cssSelector("main .error")).isEmpty());
        assertEquals(List.of(), browser.findElements(By.cssSelector("main .error")).stream().map(WebElement::getText).toList(),
                "the download renewed the token instead of reporting the session as ended");
        String api = RestAssured.given().auth().oauth2(Tokens.of("lead.borno")).queryParam("period", period)
                .get(app.toString().replaceFirst("/app/$", "/aggregates/needs.csv")).then().statusCode(200).extract().asString();
        assertEquals(api, read(downloaded(browser, "needs-" + period + ".csv")), "the file saved after renewal is the API's");
        @SuppressWarnings("unchecked")
        List<String> sent = (List<String>) script(browser, "return window.csvAuthorizations");
        assertEquals(2, sent.size(), "refused once, sent again: " + sent.size());
        assertFalse(sent.get(0).equals(sent.get(1)), "sent again with a renewed token");
        assertEquals(Boolean.TRUE, script(browser, "return window.sameDocument === true"), "renewed without leaving the page");
        assertEquals(app.toString(), browser.getCurrentUrl());
        screenshot(browser, "state-lead-csv-after-renewal");
    }

    /**
     * Each table's CSV button saves, in Chromium, exactly what the API's CSV answers for the same table and period:
     * suppressed cells as the API writes them, never a number. Every table the dashboard shows has its CSV from the API
     * (the acceptance rates and medians too: the app builds no CSV of its own).
     */
    @Test
    void theDashboardsCsvDownloadsAreTheApisCsv() {
        WebDriver browser = browser();
        signIn(browser, app.toString(), "lead.borno");
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.asof")));
        String period = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        assertTrue(text(browser, "p.asof").contains(period), "the dashboard opened on the last closed month: " + text(browser, "p.asof"));
        // every table the dashboard shows is in a figure whose chart is named by the API's table
        List<String> tables = browser.findElements(By.cssSelector("section.figure[aria-labelledby] .chart")).stream()
                .map(chart -> chart.getAttribute("id").substring("chart-".length())).toList();
        assertEquals(browser.findElements(By.cssSelector("table.aggregate")).size(), tables.size(), "a figure per table shown: " + tables);
        assertEquals(browser.findElements(By.cssSelector("section.figure")).size(), tables.size(), "every figure: " + tables);
        assertTrue(tables.contains("acceptance"), "the acceptance rates too: " + tables);
        String suppressedCells = "";
        for (String table : tables) {
            browser.findElement(By.cssSelector("section[aria-labelledby='h-" + table + "'] > button")).click();
            String saved = read(downloaded(browser, table + "-" + period + ".csv"));
            String api = RestAssured.given().auth().oauth2(Tokens.of("lead.borno")).queryParam("period", period)
                    .get(app.toString().replaceFirst("/app/$", "/aggregates/" + table + ".csv")).then().statusCode(200).extract().asString();
            assertEquals(api, saved, "the downloaded " + table + " CSV");
            if (api.contains(",suppressed")) suppressedCells += table + " ";
        }
        assertFalse(suppressedCells.isEmpty(), "the test data's small counts are suppressed in the files too");
        screenshot(browser, "state-lead-csv-downloaded");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The live indicator against a real socket: a relay between Chromium and the API drops every connection and
     * refuses new ones, then lets them through again. The inbox says live updates are off while the socket is down,
     * and once it is up again it shows what changed meanwhile (that event was never delivered to this browser).
     */
    @Test
    void theLiveIndicatorFollowsARealSocketDownAndBackAndTheInboxCatchesUp() {
        String referralId = referralSharingOnlyTheSummary("Offline Survivor " + UUID.randomUUID());
        try (Relay relay = new Relay(app)) {
            String viaRelay = relay.url(app);
            Browsers.allowRedirectTo(viaRelay);
            WebDriver browser = browser();
            signIn(browser, viaRelay, "pr.stluke");
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .live-up")));
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(row(referralId), "Requested"));
            script(browser, "window.sameDocument = true");

            relay.cut();
            WebElement down = waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .live-down")));
            assertEquals("Live updates are off — reconnecting", down.getText());
            screenshot(browser, "provider-inbox-socket-down");
            Cases.move("pr.stluke", referralId, "ACCEPTED", Map.of());
            assertTrue(text(browser, "tr[data-referral='" + referralId + "'] td.status").contains("Requested"), "the change did not reach a browser without its socket");

            relay.restore();
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .live-up")));
            waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(row(referralId), "Accepted"));
            assertEquals(Boolean.TRUE, script(browser, "return window.sameDocument === true"), "caught up without reloading the page");
            screenshot(browser, "provider-inbox-socket-back");
        }
    }

    /**
     * Every demo user's every page, walked as {@link DemoWalk} walks the demo: no error banner, no serious axe-core
     * violation, and at a phone's 390 px no page wider than the window, also after it was drawn wide and narrowed.
     */
    @Test
    void everyDemoUsersPagesShowNoErrorPassAxeAndFitAPhone() {
        List<String> findings = DemoWalk.DEMO_USERS.stream().flatMap(user -> DemoWalk.walk(app.toString(), user, "walk").stream()).toList();
        assertEquals(List.of(), findings, "found on the demo users' pages");
    }

    @Test
    void signingOutLeavesNoTokenBehind() {
        WebDriver browser = browser();
        signIn(browser, app.toString(), "pr.stluke");
        browser.findElement(By.xpath("//button[.='Sign out']")).click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot(browser, "signed-out");
        browser.get(app + "config.json");
        assertEquals(0L, script(browser, "return localStorage.length"));
        assertEquals(Boolean.TRUE, script(browser, "return Object.values(sessionStorage).every(v => !v.includes('eyJ'))"), "no JWT in session storage");
        assertEquals("", script(browser, "return document.cookie"));
        browser.get(app.toString());
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertTrue(browser.getCurrentUrl().startsWith(org.casebridge.support.TestStack.keycloak().issuer()),
                "the identity provider's session ended: the password is asked again");
    }

    @Test
    void theOwnModulesSpeakTheirProtocols() throws IOException {
        WebDriver browser = browser();
        browser.get(app + "config.json");
        Object failures = asyncScript(browser, Files.readString(Path.of("src/test/resources/webui/module-checks.js")));
        assertEquals(List.of(), failures, "oidc.js and graphql-ws.js");
    }

    @Test
    void everyStringTheAppShowsIsWrittenInEnglishAndFrench() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("\\bt\\('([a-zA-Z0-9]+(\\.[a-zA-Z0-9]+)+)'|(?:key|title|heading): '([a-z]+\\.[a-zA-Z.]+)'");
        Pattern enumLabel = Pattern.compile("label\\('([A-Za-z]+)'");
        Set<String> enums = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PublishedSchemaTest.WEBUI.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js") && !p.toString().contains("strings")).toList()) {
                String source = Files.readString(file);
                Matcher m = literal.matcher(source);
                while (m.find()) keys.add(m.group(1) != null ? m.group(1) : m.group(3));
                Matcher e = enumLabel.matcher(source);
                while (e.find()) enums.add(e.group(1));
            }
        }
        for (ErrorCode code : ErrorCode.values()) keys.add("errors." + code);
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(Files.readString(PublishedSchemaTest.SDL)), RuntimeWiring.MOCKED_WIRING);
        for (String type : enums) {
            ((GraphQLEnumType) schema.getType(type)).getValues().forEach(v -> keys.add("enum." + type + "." + v.getName()));
        }
        // every status a referral can be moved to (what Referral.nextStatuses may list): all but the first and the system's
        for (String move : List.of("ACCEPTED", "REJECTED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "FAILED", "CANCELLED")) keys.add("referral.move." + move);
        for (String move : List.of("IN_PROGRESS", "DONE", "CANCELLED")) keys.add("conferences.move." + move);
        for (String status : List.of("connecting", "up", "down")) keys.add("live." + status);
        for (int month = 1; month <= 12; month++) keys.add("months." + month);
        assertTrue(keys.size() > 200 && enums.size() > 10, "keys were collected: " + keys.size());

        WebDriver browser = browser();
        browser.get(app + "config.json");
        Object missing = asyncScript(browser, """
                const done = arguments[arguments.length - 1];
                Promise.all([import('/app/js/strings/en.js'), import('/app/js/strings/fr.js')]).then(([en, fr]) => {
                  const has = (strings, key) => typeof key.split('.').reduce((node, part) => node?.[part], strings) === 'string';
                  done(arguments[0].flatMap(key => [has(en.default, key) ? [] : ['en: ' + key], has(fr.default, key) ? [] : ['fr: ' + key]].flat()));
                }, e => done(['threw: ' + e]));""", new ArrayList<>(keys));
        assertEquals(List.of(), missing, "strings missing");
    }
}
