package dev.companysso.authenticator.initiate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InitiateLoginStateTest {

  @Test
  @DisplayName("The state carries the client and the target there and back")
  void roundTrip() {
    InitiateLoginState state =
        new InitiateLoginState("demo-app", "https://app.example/home?x=1&y=2");

    assertThat(InitiateLoginState.decode(state.encode())).contains(state);
  }

  @Test
  @DisplayName("A state that is not ours decodes to nothing")
  void foreign() {
    assertThat(InitiateLoginState.decode("not base64 !")).isEmpty();
    assertThat(InitiateLoginState.decode("")).isEmpty();
    assertThat(InitiateLoginState.decode(null)).isEmpty();
    assertThat(InitiateLoginState.decode("bm9zZXBhcmF0b3I")).isEmpty();
  }
}
