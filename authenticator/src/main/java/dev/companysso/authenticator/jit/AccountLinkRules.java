package dev.companysso.authenticator.jit;

import dev.companysso.core.AccountAttributes;
import dev.companysso.core.CompanyDomains;
import dev.companysso.core.CompanyOwnership;
import dev.companysso.core.VerifiedEmail;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Which existing account a company's first login may take over without asking the person: the
 * rules, apart from the flow that applies them. Anything these rules do not allow goes to
 * Keycloak's own "link your existing account" steps, which ask for the account's password.
 */
final class AccountLinkRules {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final OrganizationModel company;

  AccountLinkRules(KeycloakSession session, RealmModel realm, OrganizationModel company) {
    this.session = session;
    this.realm = realm;
    this.company = company;
  }

  /**
   * Whether one of the values (the upstream e-mail, username) is in a domain another company has
   * verified: that company's name space, never this one's to create or link.
   */
  boolean anyForeign(String... emailsOrUsernames) {
    return Stream.of(emailsOrUsernames)
        .anyMatch(value -> CompanyDomains.foreignOwner(session, company, value).isPresent());
  }

  /**
   * The account the company pushed through SCIM without an {@code externalId} (Okta sends none):
   * its userName is the sign-in name the company's provider presents now. The same company vouches
   * for both. An account SCIM deleted, one the company no longer owns alone, or one already linked
   * to this provider does not qualify.
   */
  Optional<UserModel> provisionedAccount(String upstreamUsername, String providerAlias) {
    if (upstreamUsername == null) {
      return Optional.empty();
    }
    UserModel existing =
        session.users().getUserByUsername(realm, upstreamUsername.toLowerCase(Locale.ROOT));
    boolean provisioned =
        existing != null
            && company.getId().equals(existing.getFirstAttribute(AccountAttributes.SCIM_OWNER))
            && existing.getFirstAttribute(AccountAttributes.SCIM_DELETED) == null
            && CompanyOwnership.owns(session, realm, company, existing)
            && session.users().getFederatedIdentity(realm, existing, providerAlias) == null;
    return provisioned ? Optional.of(existing) : Optional.empty();
  }

  /**
   * The local account with the e-mail the company's provider asserts, linked without a prompt only
   * when every party vouches for the address: the provider is trusted for e-mails and says this one
   * is verified (the person did not type it on the review page), the local account is enabled with
   * a verified e-mail, and the address is in a domain this company has verified.
   *
   * @param emailChangedOnReview whether the person changed the e-mail on Keycloak's review page
   */
  Optional<UserModel> trustedAccount(
      String email,
      boolean providerTrustsEmail,
      boolean emailChangedOnReview,
      Map<String, Object> idTokenClaims) {
    Optional<String> domain = CompanyDomains.domainOf(email);
    if (domain.isEmpty() || !providerTrustsEmail || emailChangedOnReview) {
      return Optional.empty();
    }
    UserModel existing = session.users().getUserByEmail(realm, email);
    boolean safe =
        existing != null
            && existing.isEnabled()
            && existing.isEmailVerified()
            && VerifiedEmail.assertedFor(idTokenClaims, email)
            && CompanyDomains.verifiedOwner(session, domain.get())
                .map(owner -> owner.getId().equals(company.getId()))
                .orElse(false);
    return safe ? Optional.of(existing) : Optional.empty();
  }
}
