package dev.companysso.portal.sso;

import java.time.Instant;
import java.util.Map;

/**
 * A company's sign-in settings as saved in the portal ({@link SsoDraftEntity}); {@code tested} is
 * when a test sign-in through them succeeded, or null.
 */
public record SsoDraft(
    Vendor vendor, Map<String, String> settings, Instant updated, Instant tested) {

  /** Whether a test sign-in succeeded through exactly these settings. */
  public boolean isTested() {
    return tested != null;
  }

  public String get(String field) {
    return settings.getOrDefault(field, "");
  }
}
