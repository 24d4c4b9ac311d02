package dev.companysso.authenticator.company;

/** Names of the Keycloak event details (and session notes) the company steps record. */
public final class CompanyEventDetails {

  private CompanyEventDetails() {}

  /** The organization alias (company code). */
  public static final String COMPANY = "company";

  /**
   * How the browser flow found the company: linked, company, domain or local. Also kept as an
   * authentication-session note, so the first-login step can record it after the IdP round trip.
   */
  public static final String DISCOVERY = "company_discovery";

  /** The roles first-login provisioning granted, comma-separated. */
  public static final String ROLES = "company_roles";

  /** How first login reached the account: created or linked-trusted. */
  public static final String PROVISIONING = "company_provisioning";
}
