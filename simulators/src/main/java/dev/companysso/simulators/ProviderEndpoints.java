package dev.companysso.simulators;

import java.net.URI;

/** The public URLs of one issuer, in the shape its vendor gives them. */
record ProviderEndpoints(
    URI authorization, URI token, URI jwks, URI userInfo, URI endSession, URI signInForm) {}
