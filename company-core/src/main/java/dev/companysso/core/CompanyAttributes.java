package dev.companysso.core;

import java.util.List;
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
}
