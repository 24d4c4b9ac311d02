package dev.companysso.authenticator.initiate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InitiateLoginStateTest {

  @Test
  @DisplayName("The state is bound to the S256 challenge of the browser's verifier (RFC 7636, B)")
  void challenge() {
    InitiateLoginState state =
        InitiateLoginState.of(
            "demo-app", "https://app.example/home", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    assertThat(state.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }
}
