package dev.companysso.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.OrganizationModel;

/** The organization attributes through which a company tunes the bundle for itself. */
public final class CompanyAttributes {

  /** The roles every account the company provisions starts with (replaces the setting). */
  public static final String DEFAULT_ROLES = "companySso.defaultRoles";

  /** "true": the company's first member gets the owner role. */
  public static final String FIRST_MEMBER_OWNER = "companySso.firstMemberOwner";

  /** "true": a remembered company skips the login page. */
  public static final String AUTO_REDIRECT = "companySso.autoRedirect";

  private CompanyAttributes() {}

  public static boolean isTrue(OrganizationModel company, String attribute) {
    return company.getAttributes().getOrDefault(attribute, List.of()).contains("true");
  }

  /** The attribute's first value, or null when it has none or a blank one. */
  public static String first(OrganizationModel company, String attribute) {
    List<String> values = company.getAttributes().get(attribute);
    return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }

  /** Sets a single-valued attribute; null removes it. */
  public static void set(OrganizationModel company, String attribute, String value) {
    Map<String, List<String>> attributes = new LinkedHashMap<>(company.getAttributes());
    if (value == null) {
      attributes.remove(attribute);
    } else {
      attributes.put(attribute, List.of(value));
    }
    company.setAttributes(attributes);
  }
}
