package dev.companysso.portal.mapping;

import java.util.List;

/**
 * One rule as the portal shows and saves it: a group pattern and its targets. A vendor row names a
 * target the company may not grant; it is shown, kept as it is and never edited by the company.
 */
public record TableRow(String pattern, List<String> targets, boolean vendor) {

  /** The targets as the table stores and the form shows them. */
  public String targetText() {
    return String.join(", ", targets);
  }
}
