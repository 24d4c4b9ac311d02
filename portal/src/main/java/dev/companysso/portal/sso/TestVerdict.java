package dev.companysso.portal.sso;

import dev.companysso.core.CompanyDomains;
import dev.companysso.core.CompanyOwnership;
import dev.companysso.core.DefaultRoles;
import dev.companysso.identityproviders.testsignin.TestSignInResult;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What a first sign-in of the person of a test sign-in would do in this realm, by the company rules
 * JIT provisioning follows: create an account (with which default roles), sign in to the account
 * the company already owns, or stop (no e-mail, an e-mail in another company's domain, an account
 * the company does not own). Each finding is a message key and its parameters for the portal.
 */
public final class TestVerdict {

  /** One line of the verdict; {@code blocking} ones keep the settings from being enabled. */
  public record Finding(String key, List<String> params, boolean blocking) {}

  private TestVerdict() {}

  public static List<Finding> of(
      KeycloakSession session,
      RealmModel realm,
      OrganizationModel company,
      TestSignInResult result) {
    List<Finding> findings = new ArrayList<>();
    String email = result.email();
    if (email == null || email.isBlank()) {
      findings.add(new Finding("companySsoPortalVerdictNoEmail", List.of(), true));
      return findings;
    }
    var foreign = CompanyDomains.foreignOwner(session, company, email);
    if (foreign.isPresent()) {
      findings.add(new Finding("companySsoPortalVerdictForeignDomain", List.of(email), true));
      return findings;
    }
    if (!result.emailVerified()) {
      findings.add(new Finding("companySsoPortalVerdictUnverifiedEmail", List.of(email), false));
    }
    if (!CompanyDomains.vouchesFor(company, email)) {
      findings.add(new Finding("companySsoPortalVerdictDomainNotVerified", List.of(email), false));
    }
    UserModel existing = session.users().getUserByEmail(realm, email);
    if (existing == null) {
      findings.add(
          new Finding(
              "companySsoPortalVerdictCreate",
              List.of(email, String.join(", ", DefaultRoles.of(company, List.of()))),
              false));
    } else if (CompanyOwnership.owns(session, realm, company, existing)) {
      findings.add(new Finding("companySsoPortalVerdictExisting", List.of(email), false));
    } else {
      findings.add(new Finding("companySsoPortalVerdictNotOwned", List.of(email), true));
    }
    return findings;
  }
}
