package dev.companysso.authenticator.access;

import dev.companysso.core.access.AppAccess;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
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
    RealmModel realm = session.getContext().getRealm();
    ClientModel client = session.getContext().getClient();
    AccessToken token = refresh.getAccessTokenResponseBuilder().getAccessToken();
    UserSessionModel userSession = token == null ? null : userSession(realm, token.getSessionId());
    if (client == null || userSession == null) {
      throw new ClientPolicyException(
          OAuthErrorException.INVALID_GRANT, "Session not active", Response.Status.BAD_REQUEST);
    }
    AppAccess.Verdict verdict =
        AppAccess.decide(
            session,
            realm,
            client,
            userSession.getUser(),
            Optional.ofNullable(userSession.getNote(Details.IDENTITY_PROVIDER)));
    if (!verdict.admitted()) {
      throw new ClientPolicyException(
          OAuthErrorException.INVALID_GRANT,
          "The user's company may not use this application",
          Response.Status.BAD_REQUEST);
    }
  }

  /**
   * The session being refreshed, found by the new token's session id: the refresh context has no
   * getter for it before Keycloak 26.6.
   */
  private UserSessionModel userSession(RealmModel realm, String id) {
    if (id == null) {
      return null;
    }
    UserSessionModel online = session.sessions().getUserSession(realm, id);
    return online != null ? online : session.sessions().getOfflineUserSession(realm, id);
  }
}
