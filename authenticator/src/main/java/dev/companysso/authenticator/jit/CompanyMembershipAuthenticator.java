package dev.companysso.authenticator.jit;

import dev.companysso.core.DefaultRoles;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * After Keycloak's "link your existing account" steps: the account joins the company that owns the
 * identity provider, as an ordinary (not managed) member, since the company did not create it.
 * Keycloak's own onboarding step would make it a managed member, owned by the organization.
 */
final class CompanyMembershipAuthenticator extends AbstractIdpAuthenticator {

  @Override
  protected void authenticateImpl(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serializedCtx,
      BrokeredIdentityContext brokerContext) {
    CompanyJitProvisioningAuthenticator.companyOf(context, brokerContext.getIdpConfig())
        .ifPresent(
            company ->
                CompanyProvisioning.joinExisting(
                    context, context.getUser(), company, DefaultRoles.of(company, List.of())));
    context.success();
  }

  @Override
  protected void actionImpl(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serializedCtx,
      BrokeredIdentityContext brokerContext) {}

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }
}
