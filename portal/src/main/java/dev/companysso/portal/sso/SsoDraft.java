package dev.companysso.portal.sso;

import java.time.Instant;
import java.util.Map;

/** A company's sign-in settings as saved in the portal ({@link SsoDraftEntity}). */
public record SsoDraft(Vendor vendor, Map<String, String> settings, Instant updated) {

  public String get(String field) {
    return settings.getOrDefault(field, "");
  }

  public boolean hasSecret() {
    return !get(Vendor.CLIENT_SECRET).isBlank();
  }
}
