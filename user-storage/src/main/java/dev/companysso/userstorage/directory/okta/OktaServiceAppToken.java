package dev.companysso.userstorage.directory.okta;

import dev.companysso.userstorage.directory.http.ClientCredentialsToken;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.AsymmetricSignatureSignerContext;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.representations.JsonWebToken;

/**
 * OAuth 2.0 client credentials of an Okta API service app with {@code private_key_jwt}: a client
 * assertion signed with the app's key buys a token for {@code okta.users.read okta.groups.read}.
 */
final class OktaServiceAppToken extends ClientCredentialsToken {

  static final String SCOPES = "okta.users.read okta.groups.read";

  private final String clientId;
  private final KeyWrapper key;

  OktaServiceAppToken(
      String tokenEndpoint, String clientId, PrivateKey privateKey, String keyId, Clock clock) {
    super(tokenEndpoint, clock);
    this.clientId = clientId;
    this.key = new KeyWrapper();
    key.setPrivateKey(privateKey);
    key.setAlgorithm(Algorithm.RS256);
    key.setUse(KeyUse.SIG);
    key.setKid(keyId == null || keyId.isBlank() ? null : keyId);
  }

  @Override
  protected Map<String, String> tokenRequest(String tokenEndpoint) {
    return Map.of(
        "grant_type",
        "client_credentials",
        "scope",
        SCOPES,
        "client_assertion_type",
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion",
        assertion(tokenEndpoint));
  }

  private String assertion(String audience) {
    long now = clock().instant().getEpochSecond();
    JsonWebToken jwt = new JsonWebToken();
    jwt.id(UUID.randomUUID().toString());
    jwt.issuer(clientId);
    jwt.subject(clientId);
    jwt.audience(audience);
    jwt.iat(now);
    jwt.exp(now + 300);
    // The signer puts the key id (if any) into the header.
    return new JWSBuilder()
        .type("JWT")
        .jsonContent(jwt)
        .sign(new AsymmetricSignatureSignerContext(key));
  }
}
