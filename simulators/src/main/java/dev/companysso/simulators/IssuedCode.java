package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;

/** An authorization code's server-side half: the grant plus what the token request must repeat. */
record IssuedCode(
    Grant grant,
    URI redirectUri,
    CodeChallenge codeChallenge,
    CodeChallengeMethod codeChallengeMethod) {

  boolean satisfiedBy(CodeVerifier verifier) {
    if (codeChallenge == null) {
      return true;
    }
    // RFC 7636: a challenge sent without a method is "plain".
    CodeChallengeMethod method =
        codeChallengeMethod == null ? CodeChallengeMethod.PLAIN : codeChallengeMethod;
    return verifier != null && codeChallenge.equals(CodeChallenge.compute(method, verifier));
  }
}
