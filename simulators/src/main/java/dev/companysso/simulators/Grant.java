package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.time.Instant;

/** What a user consented to at sign-in; codes and refresh tokens stand for one. */
record Grant(
    OidcProvider provider,
    RegisteredClient client,
    Account account,
    Scope scope,
    Nonce nonce,
    Instant authTime) {

  /** Tokens from a refresh carry no nonce: it belonged to the original authentication request. */
  Grant withoutNonce() {
    return new Grant(provider, client, account, scope, null, authTime);
  }
}
