package dev.companysso.core.access;

import dev.companysso.core.CompanyAttributes;
import dev.companysso.core.CompanyDomains;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A company's "SSO required" option: its members, and anyone whose e-mail is in one of its verified
 * domains, sign in only through its identity provider: no password, no password reset, no local
 * registration. Holders of the realm's break-glass role keep their password.
 */
public final class SsoRequired {

  /** Organization attribute: {@code true} when the company requires its sign-in. */
  public static final String COMPANY_ATTRIBUTE = "companySso.ssoRequired";

  /** Realm attribute: the realm role of accounts that keep their password (default below). */
  public static final String BREAK_GLASS_ATTRIBUTE = "companySso.breakGlassRole";

  public static final String DEFAULT_BREAK_GLASS_ROLE = "Break glass";

  private SsoRequired() {}

  /**
   * The company whose sign-in {@code user} (when known) or the name they entered must use, if one
   * requires it: a company they belong to, else the company that verified the e-mail's domain.
   * Someone unknown with an e-mail in the domain gets the same answer as a member, so the answer
   * tells nobody whether an account exists.
   */
  public static Optional<OrganizationModel> companyFor(
      KeycloakSession session, RealmModel realm, UserModel user, String enteredName) {
    if (!realm.isOrganizationsEnabled() || (user != null && breakGlass(realm, user))) {
      return Optional.empty();
    }
    Stream<OrganizationModel> memberships =
        user == null
            ? Stream.empty()
            : session.getProvider(OrganizationProvider.class).getByMember(user);
    Optional<OrganizationModel> member =
        memberships
            .filter(SsoRequired::required)
            .min(Comparator.comparing(OrganizationModel::getAlias));
    if (member.isPresent()) {
      return member;
    }
    return Stream.of(user == null ? null : user.getEmail(), enteredName)
        .map(CompanyDomains::domainOf)
        .flatMap(Optional::stream)
        .map(domain -> CompanyDomains.verifiedOwner(session, domain))
        .flatMap(Optional::stream)
        .filter(SsoRequired::required)
        .findFirst();
  }

  /** The company's identity provider its people are sent to: its first enabled one by alias. */
  public static Optional<IdentityProviderModel> identityProvider(OrganizationModel company) {
    return company
        .getIdentityProviders()
        .filter(IdentityProviderModel::isEnabled)
        .min(Comparator.comparing(IdentityProviderModel::getAlias));
  }

  /** Turns the company option on or off. */
  public static void require(OrganizationModel company, boolean required) {
    CompanyAttributes.set(company, COMPANY_ATTRIBUTE, required ? "true" : null);
  }

  public static boolean required(OrganizationModel company) {
    return company.isEnabled()
        && company.getAttributes().getOrDefault(COMPANY_ATTRIBUTE, List.of()).stream()
            .anyMatch(value -> "true".equalsIgnoreCase(value.strip()));
  }

  private static boolean breakGlass(RealmModel realm, UserModel user) {
    String name = realm.getAttribute(BREAK_GLASS_ATTRIBUTE);
    RoleModel role =
        realm.getRole(name == null || name.isBlank() ? DEFAULT_BREAK_GLASS_ROLE : name.strip());
    return role != null && user.hasRole(role);
  }
}
