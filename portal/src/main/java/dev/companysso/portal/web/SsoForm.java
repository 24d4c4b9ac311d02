package dev.companysso.portal.web;

import dev.companysso.portal.sso.SsoDraft;
import dev.companysso.portal.sso.Vendor;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in form of one vendor as the page shows it: the values entered (the secret never goes
 * back to the browser, only whether one is saved) and the problems, each under its field. A problem
 * is a message key of the portal or, from the provider type's own checks, a sentence already in the
 * page's language.
 */
public final class SsoForm {

  /** Problems that belong to no one field. */
  static final String GENERAL = "general";

  private static final String REQUIRED = "companySsoPortalRequired";

  private final Vendor vendor;
  private final Map<String, String> values;
  private final String secret;

  /** Message keys of the portal's own problems, by field. */
  private final Map<String, String> errors;

  /** The provider type's problems, already worded in the page's language, by field. */
  private final Map<String, String> worded;

  private SsoForm(
      Vendor vendor,
      Map<String, String> values,
      String secret,
      Map<String, String> errors,
      Map<String, String> worded) {
    this.vendor = vendor;
    this.values = values;
    this.secret = secret;
    this.errors = errors;
    this.worded = worded;
  }

  /** The form as saved (when the saved settings are of this vendor), or empty. */
  static SsoForm of(Vendor vendor, Optional<SsoDraft> saved) {
    Map<String, String> values = new LinkedHashMap<>();
    Optional<SsoDraft> same = saved.filter(d -> d.vendor() == vendor);
    vendor.fields().forEach(f -> values.put(f, same.map(d -> d.get(f)).orElse("")));
    return new SsoForm(
        vendor, values, same.map(d -> d.get(Vendor.CLIENT_SECRET)).orElse(""), Map.of(), Map.of());
  }

  /**
   * The form as posted; an empty secret keeps the saved one (the page never shows it, so the admin
   * cannot re-enter it by accident).
   */
  static SsoForm submitted(
      Vendor vendor, MultivaluedMap<String, String> posted, Optional<SsoDraft> saved) {
    SsoForm kept = of(vendor, saved);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : vendor.fields()) {
      String value = Optional.ofNullable(posted.getFirst(field)).orElse("").strip();
      values.put(field, value);
    }
    String secret = Optional.ofNullable(posted.getFirst(Vendor.CLIENT_SECRET)).orElse("").strip();
    if (secret.isEmpty()) {
      secret = kept.secret;
    }
    for (String field : List.of(vendor.tenantField(), "clientId")) {
      if (values.get(field).isEmpty()) {
        errors.put(field, REQUIRED);
      }
    }
    if (secret.isEmpty()) {
      errors.put(Vendor.CLIENT_SECRET, REQUIRED);
    }
    return new SsoForm(vendor, values, secret, errors, Map.of());
  }

  /**
   * The form with the identity provider type's verdict on it: beside the field it names, else above
   * the form.
   */
  SsoForm withError(String field, String message) {
    Map<String, String> more = new LinkedHashMap<>(worded);
    more.put(field != null && values.containsKey(field) ? field : GENERAL, message);
    return new SsoForm(vendor, values, secret, errors, more);
  }

  SsoDraft draft() {
    Map<String, String> settings = new LinkedHashMap<>(values);
    settings.put(Vendor.CLIENT_SECRET, secret);
    return new SsoDraft(vendor, settings, Instant.now(), null);
  }

  /** What the admin events may record. */
  Map<String, String> withoutSecret() {
    return Map.copyOf(values);
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean isSecretSaved() {
    return !secret.isEmpty() && !errors.containsKey(Vendor.CLIENT_SECRET);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field) || worded.containsKey(field);
  }

  /**
   * The problem of a field as the page shows it: the provider type's words, else the portal's
   * message key (which the template looks up).
   */
  public String error(String field) {
    return worded.getOrDefault(field, errors.getOrDefault(field, ""));
  }

  /** Whether {@link #error} is a message key rather than words to show as they are. */
  public boolean isErrorKey(String field) {
    return !worded.containsKey(field) && errors.containsKey(field);
  }

  boolean isValid() {
    return errors.isEmpty() && worded.isEmpty();
  }
}
