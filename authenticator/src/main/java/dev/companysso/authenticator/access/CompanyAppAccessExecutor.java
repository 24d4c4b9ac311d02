package dev.companysso.authenticator.access;

import dev.companysso.core.access.AppAccess;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * The company access check on a token refresh: a company removed from an app, or a person who lost
 * the role their company requires for it, gets no new token from a session they already had. A
 * client-policy executor because a refresh runs no authentication flow and no required action.
 */
final class CompanyAppAccessExecutor
    implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

  private final KeycloakSession session;

  CompanyAppAccessExecutor(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public String getProviderId() {
    return CompanyAppAccessExecutorFactory.ID;
  }

  @Override
  public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
    if (!(context instanceof TokenRefreshResponseContext refresh)) {
      return;
    }
    AuthenticatedClientSessionModel clientSession = refresh.getClientSession();
    AppAccess.Verdict verdict =
        AppAccessRefusal.of(session, clientSession.getRealm(), clientSession);
    if (!verdict.admitted()) {
      throw new ClientPolicyException(
          OAuthErrorException.INVALID_GRANT,
          "The user's company may not use this application",
          Response.Status.BAD_REQUEST);
    }
  }
}
