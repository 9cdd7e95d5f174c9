package org.casebridge.webui;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.casebridge.webui.Browsers.script;
import static org.casebridge.webui.Browsers.waiting;

/**
 * The app driven by the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape, typing), and the checks of WCAG 2.1
 * 2.1.1, 2.4.3 and 2.4.7 on a page as it is: the elements Tab must reach are derived from the DOM (every element
 * the browser puts in the sequential focus order: focusable, enabled, rendered), and Tab must visit each once, in
 * document order, each visible and not zero-sized when focused, with a focus indicator its unfocused style does
 * not have; Shift+Tab walks the same way back (no trap).
 */
final class Keyboard {

    private Keyboard() {
    }

    /** Shared by the scripts: what the browser's sequential focus order holds, and how an element looks. */
    private static final String FUNCTIONS = """
            const SELECTOR = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe,'
              + ' audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable=false])';
            const closedDetails = el => { const d = el.closest('details:not([open])'); return !!d && !(el.tagName === 'SUMMARY' && el.parentElement === d); };
            const rendered = el => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })
              && !el.closest('[inert]') && !closedDetails(el);
            const firstSummary = el => el.tagName !== 'SUMMARY'
              || (el.parentElement?.tagName === 'DETAILS' && el.parentElement.querySelector(':scope > summary') === el);
            const radioStop = el => {
              if (el.type !== 'radio' || !el.name) return true;
              const group = [...document.querySelectorAll('input[type=radio]')].filter(r => r.name === el.name && r.form === el.form);
              return el === (group.find(r => r.checked) ?? group[0]);
            };
            const tabbables = () => [...document.querySelectorAll(SELECTOR)]
              .filter(el => el.tabIndex >= 0 && !el.matches(':disabled') && rendered(el) && firstSummary(el) && radioStop(el));
            const describe = el => !el ? 'nothing' : el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
              + (el.getAttribute('aria-label') ? '[' + el.getAttribute('aria-label') + ']' : '')
              + ' "' + (el.innerText ?? el.value ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
            const look = el => { const s = getComputedStyle(el); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' | ' + s.boxShadow; };
            const indicator = el => { const s = getComputedStyle(el);
              return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
            """;

    static void tab(WebDriver browser) {
        new Actions(browser).sendKeys(Keys.TAB).perform();
    }

    static void shiftTab(WebDriver browser) {
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    static void press(WebDriver browser, CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** What has the focus, described. */
    static String focused(WebDriver browser) {
        return (String) script(browser, FUNCTIONS + "return describe(document.activeElement);");
    }

    /** Whether the focus is somewhere on the page rather than dropped to the body (an element it was on removed). */
    static boolean focusKept(WebDriver browser) {
        return Boolean.TRUE.equals(script(browser, "const el = document.activeElement; return !!el && el !== document.body && el !== document.documentElement;"));
    }

    /**
     * Presses Tab until the focused element satisfies {@code predicate} (a script expression on {@code el}), at most
     * once round the page; fails when Tab never reaches it.
     */
    static void tabTo(WebDriver browser, String what, String predicate) {
        long stops = (Long) script(browser, FUNCTIONS + "return tabbables().length;");
        for (long i = 0; i <= stops + 3; i++) {
            if (Boolean.TRUE.equals(script(browser, "const el = document.activeElement; return !!el && !!(" + predicate + ");"))) {
                return;
            }
            tab(browser);
        }
        throw new AssertionError(what + " is not reached by Tab (" + stops + " stops on the page)");
    }

    static void tabToButton(WebDriver browser, String text) {
        tabTo(browser, "the button '" + text + "'", "el.tagName === 'BUTTON' && el.textContent.trim() === " + quoted(text));
    }

    static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** After a page change the focus is on the new page's main heading. */
    static void focusOnTheMainHeading(WebDriver browser) {
        waiting(browser).until(b -> Boolean.TRUE.equals(script(b,
                "const h = document.querySelector('main h1'); return !!h && document.activeElement === h && !/Loading/.test(document.body.innerText);")));
    }

    /** Signs in on Keycloak's login page with the keyboard only. */
    static void signIn(WebDriver browser, String appUrl, String username) {
        browser.get(appUrl);
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        tabTo(browser, "the user name field", "el.id === 'username'");
        press(browser, username);
        tabTo(browser, "the password field", "el.id === 'password'");
        press(browser, org.casebridge.support.Tokens.DEMO_PASSWORD, Keys.ENTER);
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header .user"), username));
        focusOnTheMainHeading(browser);
    }

    /**
     * Walks the page as it is with Tab and then Shift+Tab from where the focus is, and returns what is wrong, one
     * line each: an element Tab skips, visits twice or out of document order, an element it reaches that is hidden or
     * zero-sized or covered, a focused element that looks as it does unfocused, a positive tabindex, a trap.
     */
    @SuppressWarnings("unchecked")
    static List<String> walk(WebDriver browser, String page) {
        List<String> findings = new ArrayList<>();
        Map<String, Object> start = (Map<String, Object>) script(browser, FUNCTIONS + """
                const list = tabbables();
                const start = document.activeElement;
                window.keyboardWalk = { list, unfocused: list.map(el => el === start ? null : look(el)) };
                let first = list.indexOf(start) >= 0 ? list.indexOf(start) + 1
                  : list.findIndex(el => start && start !== document.body && (start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
                if (first < 0 || first >= list.length) first = 0;
                return { count: list.length, first, names: list.map(describe), start: describe(start),
                  positive: [...document.querySelectorAll('[tabindex]')].filter(el => el.tabIndex > 0).map(describe) };""");
        int count = ((Long) start.get("count")).intValue();
        int first = ((Long) start.get("first")).intValue();
        List<String> names = (List<String>) start.get("names");
        ((List<String>) start.get("positive")).forEach(el -> findings.add(page + ": " + el + " has a positive tabindex (breaks document order)"));
        if (count == 0) {
            findings.add(page + ": nothing on the page can be reached by Tab");
            return findings;
        }
        String step = FUNCTIONS + """
                const el = document.activeElement;
                const index = window.keyboardWalk.list.indexOf(el);
                const outside = !el || el === document.body || el === document.documentElement;
                if (index < 0) return { index, outside, what: describe(el) };
                const r = el.getBoundingClientRect();
                const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
                const hit = document.elementFromPoint(x, y);
                return { index, outside, what: describe(el), sized: r.width >= 2 && r.height >= 2,
                  inView: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
                  onTop: !!hit && (el.contains(hit) || hit.contains(el) || (el.labels && [...el.labels].some(l => l.contains(hit)))),
                  look: look(el), indicator: indicator(el) };""";

        List<Integer> forward = new ArrayList<>();
        List<String> focusedLooks = new ArrayList<>(java.util.Collections.nCopies(count, (String) null));
        for (int presses = 0; forward.size() < count && presses < 2 * count + 8; presses++) {
            tab(browser);
            Map<String, Object> at = (Map<String, Object>) script(browser, step);
            int index = ((Long) at.get("index")).intValue();
            if (index < 0) {
                if (!Boolean.TRUE.equals(at.get("outside"))) {
                    findings.add(page + ": Tab reached " + at.get("what") + ", which is hidden or not one of the page's focusable elements");
                }
                continue;
            }
            if (!forward.isEmpty() && forward.get(forward.size() - 1) == index) continue; // a date input's own fields
            forward.add(index);
            String what = at.get("what").toString();
            if (!Boolean.TRUE.equals(at.get("sized"))) findings.add(page + ": " + what + " is zero-sized when focused");
            if (!Boolean.TRUE.equals(at.get("inView"))) findings.add(page + ": " + what + " is off-screen when focused");
            if (!Boolean.TRUE.equals(at.get("onTop"))) findings.add(page + ": " + what + " is covered or clipped when focused");
            if (!Boolean.TRUE.equals(at.get("indicator"))) findings.add(page + ": " + what + " shows no focus indicator (outline or box-shadow)");
            focusedLooks.set(index, at.get("look").toString());
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) expected.add((first + i) % count);
        if (!forward.equals(expected)) {
            findings.add(page + ": Tab from " + start.get("start") + " visited " + forward.stream().map(names::get).toList()
                    + ", expected in document order " + expected.stream().map(names::get).toList());
        }
        List<String> unfocused = (List<String>) script(browser, FUNCTIONS
                + "return window.keyboardWalk.list.map((el, i) => window.keyboardWalk.unfocused[i] ?? (el === document.activeElement ? null : look(el)));");
        for (int i = 0; i < count; i++) {
            if (focusedLooks.get(i) != null && unfocused.get(i) != null && focusedLooks.get(i).equals(unfocused.get(i))) {
                findings.add(page + ": " + names.get(i) + " looks the same focused and unfocused (" + unfocused.get(i) + ")");
            }
        }

        // back the same way: Shift+Tab from the last stop visits the others in reverse and leaves no element trapping it
        List<Integer> backward = new ArrayList<>();
        for (int presses = 0; backward.size() < forward.size() - 1 && presses < 2 * count + 8; presses++) {
            shiftTab(browser);
            int index = ((Long) ((Map<String, Object>) script(browser, step)).get("index")).intValue();
            int last = backward.isEmpty() ? forward.get(forward.size() - 1) : backward.get(backward.size() - 1);
            if (index >= 0 && index != last) backward.add(index);
        }
        List<Integer> reversed = new ArrayList<>(forward.subList(0, Math.max(0, forward.size() - 1)));
        java.util.Collections.reverse(reversed);
        if (!backward.equals(reversed)) {
            findings.add(page + ": Shift+Tab visited " + backward.stream().map(names::get).toList() + ", expected "
                    + reversed.stream().map(names::get).toList());
        }
        return findings;
    }
}
