package dev.companysso.portal.web;

import dev.companysso.core.SecretTokens;
import dev.companysso.portal.PortalClient;
import dev.companysso.portal.PortalUrls;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.services.Urls;

/**
 * The authorization request that signs a company's Owner, or vendor staff, in to the realm for the
 * portal, as the portal's own client. The portal needs no token: the login leaves Keycloak's
 * session cookie, by which it knows who signed in, so the code is never redeemed.
 */
final class PortalSignIn {

  private PortalSignIn() {}

  /**
   * @param returnPath the portal page the sign-in returns to, e.g. {@code signed-in}
   */
  static URI authorizationRequest(KeycloakSession session, RealmModel realm, String returnPath) {
    PortalClient.ensure(realm);
    String verifier = PkceUtils.generateCodeVerifier();
    return UriBuilder.fromUri(
            Urls.realmBase(session.getContext().getUri().getBaseUri())
                .path("{realm}/protocol/openid-connect/auth")
                .build(realm.getName()))
        .queryParam(OAuth2Constants.CLIENT_ID, PortalClient.CLIENT_ID)
        .queryParam(
            OAuth2Constants.REDIRECT_URI, PortalUrls.of(session, realm).portal() + "/" + returnPath)
        .queryParam(OAuth2Constants.RESPONSE_TYPE, OAuth2Constants.CODE)
        .queryParam(OAuth2Constants.SCOPE, "openid")
        .queryParam(OAuth2Constants.STATE, SecretTokens.newToken(""))
        .queryParam(OAuth2Constants.CODE_CHALLENGE, PkceUtils.encodeCodeChallenge(verifier, "S256"))
        .queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, "S256")
        .build();
  }
}
