package dev.companysso.authenticator.access;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.authenticator.discovery.BrokerRedirect;
import dev.companysso.core.access.SsoRequired;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * Sends a person whose company requires its sign-in to that company's identity provider instead of
 * the password step they asked for (sign-in, reset), naming the step in the event.
 */
final class SsoRequiredRedirect {

  /** The event detail: which password step was replaced (password, reset). */
  static final String DETAIL = "company_sso_required";

  private SsoRequiredRedirect() {}

  /**
   * Redirects when {@code user} or {@code enteredName} belongs to a company that requires its
   * sign-in (and has an enabled identity provider); false, doing nothing, otherwise.
   */
  static boolean redirected(
      AuthenticationFlowContext context, UserModel user, String enteredName, String step) {
    Optional<OrganizationModel> company =
        SsoRequired.companyFor(context.getSession(), context.getRealm(), user, enteredName);
    Optional<IdentityProviderModel> provider = company.flatMap(SsoRequired::identityProvider);
    if (provider.isEmpty()) {
      return false;
    }
    context
        .getEvent()
        .detail(CompanyEventDetails.COMPANY, company.get().getAlias())
        .detail(DETAIL, step);
    BrokerRedirect.INSTANCE.to(context, provider.get().getAlias(), enteredName);
    return true;
  }
}
