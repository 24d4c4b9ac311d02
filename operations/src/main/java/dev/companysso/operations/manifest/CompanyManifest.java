package dev.companysso.operations.manifest;

import java.util.List;

/**
 * One company as code: what {@code PUT /admin/realms/{realm}/company-sso/companies/{code}} makes
 * true and {@code GET} answers. A section left out (null) is left as it is; a section given is the
 * whole of it (a domain not listed is removed).
 *
 * @param code the organization alias, which is the company code
 */
public record CompanyManifest(
    String code,
    String name,
    String description,
    Boolean enabled,
    List<Domain> domains,
    List<IdentityProvider> identityProviders,
    List<RuleTable> ruleTables,
    Options options,
    Access access,
    Provisioning provisioning) {

  /**
   * A domain of the company and whether it is verified (proved by DNS or vouched by the vendor).
   */
  public record Domain(String name, boolean verified) {}

  /**
   * One of the company's sign-ins: an identity provider of the type ({@code okta}, {@code
   * entra-id}, {@code oidc}, …) with the settings of its form; a secret only as a reference, {@code
   * ${vault.name}} (kept, Keycloak's vault resolves it) or {@code ${ENV_NAME}} (read from the
   * server's environment when applied). A secret left out keeps the one stored.
   */
  public record IdentityProvider(
      String alias,
      String type,
      String displayName,
      Boolean enabled,
      Boolean hideOnLogin,
      java.util.Map<String, String> config) {}

  /**
   * A group rule table of one of the company's sign-ins: {@code roles} (company-group-role-mapper)
   * or {@code teams} (company-group-team-mapper), its rows in order ({@code group}: a group name,
   * {@code glob:…} or {@code regex:…}; {@code to}: the roles or groups), and its other settings
   * ({@code baselineRoles}, {@code createMissing}, {@code organizationGroups}, {@code claim}).
   */
  public record RuleTable(
      String identityProvider,
      String name,
      String kind,
      List<Rule> rules,
      java.util.Map<String, String> settings) {

    /** One row: what it matches and what it gives. */
    public record Rule(String group, List<String> to) {}
  }

  /** How the company's first logins go. */
  public record Options(
      List<String> defaultRoles, Boolean firstMemberOwner, Boolean autoRedirect) {}

  /**
   * The access policy from the company's side: its apps ({@code clientId[:role]}), SSO required.
   */
  public record Access(List<String> apps, Boolean ssoRequired) {}

  /**
   * How people reach the company besides first login: SCIM's settings (its bearer token is issued
   * in the portal or the admin API, never in a manifest) and the directories synced from the
   * company's Okta or Entra ID. A directory not listed is left alone.
   */
  public record Provisioning(Scim scim, List<Directory> directories) {

    /** What SCIM's {@code DELETE /Users} does, and which sign-in its {@code externalId} links. */
    public record Scim(String onDelete, String identityProvider) {}

    /**
     * A directory sync ({@code okta-directory}, {@code entra-directory}) of one of the company's
     * sign-ins, named in the company; periods in seconds, -1 for none; settings as the admin
     * console's form names them, each a value or a list, secrets only as references.
     */
    public record Directory(
        String name,
        String type,
        String identityProvider,
        Boolean enabled,
        Integer fullSyncPeriod,
        Integer changedSyncPeriod,
        java.util.Map<String, List<String>> settings) {}
  }
}
