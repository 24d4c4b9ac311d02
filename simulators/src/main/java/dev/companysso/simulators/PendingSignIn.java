package dev.companysso.simulators;

import com.nimbusds.openid.connect.sdk.AuthenticationRequest;

/** An authorization request waiting for the user to submit the sign-in form. */
record PendingSignIn(
    OidcProvider provider, RegisteredClient client, AuthenticationRequest request) {}
