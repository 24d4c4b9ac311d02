package dev.companysso.portal.links;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A part of the portal a setup link may open. */
public enum Section {
  /** The company's Okta or Microsoft Entra ID sign-in. */
  SSO,
  /** Accounts pushed by the company's Okta or Entra ID over SCIM: the endpoint and its token. */
  PROVISIONING,
  /** The company's e-mail domains, proved by DNS. */
  DOMAINS,
  /** The company's group-to-role and group-to-team tables, with a preview before saving. */
  MAPPING;

  /** The section named {@code name} in any case, e.g. {@code sso}. */
  public static Optional<Section> named(String name) {
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(name == null ? "" : name.trim()))
        .findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Section::key).toList();
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
