package dev.companysso.authenticator.discovery;

import dev.companysso.core.CompanyDomains;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person typed into the company discovery box, checked and normalised before any lookup.
 *
 * <p>The checks are syntactic only, so their messages say nothing about which users or companies
 * exist.
 */
public final class DiscoveryInput {

  /** Why an input was refused; each has a translated message in the theme. */
  public enum Problem {
    EMPTY("companyDiscoveryEmpty"),
    TOO_LONG("companyDiscoveryTooLong"),
    UNPRINTABLE("companyDiscoveryUnprintable");

    private final String messageKey;

    Problem(String messageKey) {
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  private final String value;

  private DiscoveryInput(String value) {
    this.value = value;
  }

  /**
   * Trims {@code raw} and refuses it when empty, longer than {@code maxLength} characters, or
   * holding control characters (a line break or NUL has no place in a username, e-mail or code).
   */
  public static Result parse(String raw, int maxLength) {
    String trimmed = raw == null ? "" : raw.strip();
    if (trimmed.isEmpty()) {
      return new Result(null, Problem.EMPTY);
    }
    if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
      return new Result(null, Problem.TOO_LONG);
    }
    if (trimmed.codePoints().anyMatch(DiscoveryInput::isUnprintable)) {
      return new Result(null, Problem.UNPRINTABLE);
    }
    return new Result(new DiscoveryInput(trimmed), null);
  }

  private static boolean isUnprintable(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  /** The input as typed, trimmed: what username and e-mail lookups use. */
  public String value() {
    return value;
  }

  /** The input as a company code: company codes are matched case-insensitively. */
  public String companyCode() {
    return value.toLowerCase(Locale.ROOT);
  }

  /** The domain of an e-mail address ({@code "acme.example"} of {@code "Jo@Acme.Example"}). */
  public Optional<String> emailDomain() {
    return CompanyDomains.domainOf(value);
  }

  /** Either a usable input or the problem with it. */
  public record Result(DiscoveryInput input, Problem problem) {

    public boolean isValid() {
      return input != null;
    }
  }
}
