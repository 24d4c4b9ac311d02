package dev.companysso.it.support;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Whether a page reflows at phone width, and Deque's axe-core run on the page the browser shows,
 * against WCAG 2.1 A and AA: the serious and critical violations, described for an assertion
 * message (rule, help, the failing elements).
 */
public final class Accessibility {

  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Accessibility() {}

  /** Whether the page is wider than the window (WCAG 1.4.10 reflow: a phone scrolls one way). */
  public static boolean overflowsSideways(Browser browser) {
    return (Boolean)
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
  }

  /** Empty when the page has no serious or critical violation. */
  public static String seriousViolations(Browser browser) {
    List<Rule> violations =
        new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver()).getViolations();
    return violations.stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .map(
            rule ->
                rule.getId()
                    + " ("
                    + rule.getImpact()
                    + "): "
                    + rule.getHelp()
                    + " at "
                    + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }
}
