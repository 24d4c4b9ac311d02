package dev.companysso.mappers.rules;

import java.util.List;

/** A table that cannot be saved; every problem names its rule and says what to fix. */
public final class RuleTableException extends Exception {

  private final List<String> problems;

  public RuleTableException(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
