package dev.companysso.simulators;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * An RS256 key pair made at start-up; it signs one issuer's tokens and verifies them when they come
 * back.
 */
final class SigningKey {

  private final RSAKey key;
  private final RSASSASigner signer;

  private SigningKey(RSAKey key) throws JOSEException {
    this.key = key;
    this.signer = new RSASSASigner(key);
  }

  static SigningKey generate() {
    try {
      return new SigningKey(
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA signing key", e);
    }
  }

  SignedJWT sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
    return jwt;
  }

  JWKSet publicJwkSet() {
    return new JWKSet(key.toPublicJWK());
  }

  /**
   * The claims of a token this key signed for {@code issuer}, if it is unexpired and carries all
   * {@code requiredClaims}.
   */
  Optional<JWTClaimsSet> verify(String token, String issuer, Set<String> requiredClaims) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(publicJwkSet())));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).build(), requiredClaims));
    try {
      return Optional.of(processor.process(token, null));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }
}
