package dev.companysso.identityproviders;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's OIDC broker for one vendor: the errors the vendor sends back that a user can act on
 * (not assigned to the app, consent missing) get the login page with a message saying what to do
 * and an event naming the cause, instead of Keycloak's generic "access denied".
 */
public abstract class VendorOidcIdentityProvider extends OIDCIdentityProvider {

  protected VendorOidcIdentityProvider(KeycloakSession session, OIDCIdentityProviderConfig config) {
    super(session, config);
  }

  /** The vendor's reading of an {@code error} / {@code error_description} redirect. */
  protected abstract Optional<UpstreamError> classify(String error, String description);

  @Override
  public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
    return new VendorEndpoint(callback, realm, event, this);
  }

  /** The broker endpoint; JAX-RS annotations repeated because an override replaces them. */
  protected static class VendorEndpoint extends OIDCEndpoint {

    private final VendorOidcIdentityProvider vendor;

    VendorEndpoint(
        AuthenticationCallback callback,
        RealmModel realm,
        EventBuilder event,
        VendorOidcIdentityProvider vendor) {
      super(callback, realm, event, vendor);
      this.vendor = vendor;
    }

    @Override
    @GET
    public Response authResponse(
        @QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_STATE) String state,
        @QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_CODE) String authorizationCode,
        @QueryParam(OAuth2Constants.ERROR) String error,
        @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription) {
      Optional<UpstreamError> known =
          error == null || state == null
              ? Optional.empty()
              : vendor.classify(error, errorDescription);
      if (known.isEmpty()) {
        return super.authResponse(state, authorizationCode, error, errorDescription);
      }
      try {
        AuthenticationSessionModel authSession = callback.getAndVerifyAuthenticationSession(state);
        session.getContext().setAuthenticationSession(authSession);
        event
            .clone()
            .event(EventType.IDENTITY_PROVIDER_LOGIN_ERROR)
            .detail(Details.IDENTITY_PROVIDER, vendor.getConfig().getAlias())
            .detail(Details.REASON, errorDescription)
            .error(known.get().eventError());
        return callback.error(vendor.getConfig(), known.get().messageKey());
      } catch (WebApplicationException e) {
        return e.getResponse();
      }
    }
  }
}
