package dev.companysso.it.support;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.util.Map;

/**
 * The realm's public PKCE client {@code demo-app}, as a downstream application uses it: it sends
 * the browser to the authorization endpoint and redeems the code it gets back.
 */
public final class DemoAppClient {

  public static final String CLIENT_ID = "demo-app";

  private final String realmUrl;
  private final String clientId;
  private final URI redirectUri;

  public DemoAppClient(String keycloakBaseUrl, String realm) {
    this(keycloakBaseUrl, realm, CLIENT_ID);
  }

  /** Another public PKCE client of the realm whose redirect URIs admit demo-app's callback. */
  public DemoAppClient(String keycloakBaseUrl, String realm, String clientId) {
    this.realmUrl = keycloakBaseUrl + "/realms/" + realm;
    this.clientId = clientId;
    // Keycloak answers this path with 404; the test only reads the code from the address bar.
    this.redirectUri = URI.create(keycloakBaseUrl + "/demo-app/callback");
  }

  /** A token refresh as the app makes it: the new tokens, or the error Keycloak answered. */
  public TokenResponse refresh(RefreshToken refreshToken) throws Exception {
    return OIDCTokenResponseParser.parse(
        new TokenRequest(
                URI.create(realmUrl + "/protocol/openid-connect/token"),
                new ClientID(clientId),
                new RefreshTokenGrant(refreshToken))
            .toHTTPRequest()
            .send());
  }

  public URI redirectUri() {
    return redirectUri;
  }

  /** A new authorization request with its own state, nonce and PKCE verifier. */
  public Authorization authorize(Map<String, String> extraParameters) {
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    AuthenticationRequest.Builder request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope("openid", "profile", "email"),
                new ClientID(clientId),
                redirectUri)
            .endpointURI(URI.create(realmUrl + "/protocol/openid-connect/auth"))
            .state(state)
            .nonce(new Nonce())
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    extraParameters.forEach((name, value) -> request.customParameter(name, value));
    return new Authorization(request.build().toURI(), state, verifier);
  }

  /** One authorization request in flight. */
  public final class Authorization {
    private final URI url;
    private final State state;
    private final CodeVerifier verifier;

    private Authorization(URI url, State state, CodeVerifier verifier) {
      this.url = url;
      this.state = state;
      this.verifier = verifier;
    }

    public URI url() {
      return url;
    }

    /** Redeems the code in {@code callback} (the URL the browser landed on) for tokens. */
    public OIDCTokens redeem(URI callback) throws Exception {
      AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
      if (!response.indicatesSuccess()) {
        throw new AssertionError(
            "Authorization failed: " + response.toErrorResponse().getErrorObject());
      }
      if (!state.equals(response.getState())) {
        throw new AssertionError("State mismatch in " + callback);
      }
      AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
      TokenRequest tokenRequest =
          new TokenRequest(
              URI.create(realmUrl + "/protocol/openid-connect/token"),
              new ClientID(clientId),
              new AuthorizationCodeGrant(code, redirectUri, verifier));
      TokenResponse tokenResponse =
          OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
      if (!tokenResponse.indicatesSuccess()) {
        throw new AssertionError(
            "Token request failed: " + tokenResponse.toErrorResponse().getErrorObject());
      }
      return ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens();
    }

    /** Redeems the code in {@code callback} and returns who signed in (preferred_username). */
    public String signedInUser(URI callback) throws Exception {
      return redeem(callback).getIDToken().getJWTClaimsSet().getStringClaim("preferred_username");
    }
  }
}
