package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

/**
 * Answers the client_credentials grant at one issuer's token endpoint: authenticates the client its
 * vendor's way (Okta: a private_key_jwt assertion, Entra: a client secret) and issues an app-only
 * access token, or a vendor-worded error.
 */
interface AppTokenIssuer {

  HTTPResponse issue(OidcProvider provider, TokenRequest request);
}
