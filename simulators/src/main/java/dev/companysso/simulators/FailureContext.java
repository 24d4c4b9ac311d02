package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.id.ClientID;

/**
 * The facts vendor error texts quote. {@code detail} is the value the failure is about: a redirect
 * URI, a username, or Nimbus' reason for rejecting a malformed request.
 */
record FailureContext(String tenant, String clientId, String appName, String detail) {

  static final FailureContext NONE = new FailureContext(null, null, null, null);

  static FailureContext of(OidcProvider provider, RegisteredClient client, String detail) {
    return new FailureContext(
        provider.directory().name(), client.clientId().getValue(), client.appName(), detail);
  }

  static FailureContext ofClientId(OidcProvider provider, ClientID clientId, String detail) {
    return new FailureContext(
        provider.directory().name(), clientId == null ? null : clientId.getValue(), null, detail);
  }
}
