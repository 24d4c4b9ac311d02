package dev.companysso.simulators;

import com.nimbusds.jwt.JWTClaimsSet;

/** An access token whose signature, issuer and expiry checked out against {@code provider}. */
record VerifiedAccessToken(OidcProvider provider, JWTClaimsSet claims) {}
