package dev.companysso.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Redirect URI matching")
class RedirectUriPatternTest {

  @ParameterizedTest(name = "{0} admits {1}: {2}")
  @DisplayName("matches exactly, or by prefix when the registered URI ends with *")
  @CsvSource({
    "http://localhost:8080/cb, http://localhost:8080/cb, true",
    "http://localhost:8080/cb, http://localhost:8080/cb/, false",
    "http://localhost:8080/cb, http://localhost:8081/cb, false",
    "http://localhost:*, http://localhost:40123/realms/company/broker/okta/endpoint, true",
    "http://localhost:*, http://127.0.0.1:40123/cb, false",
    "http://localhost:*, https://localhost:40123/cb, false",
    "http://localhost:*, http://localhost:1@attacker.example/cb, false",
    "http://localhost:*, http://localhost:1/cb#fragment, false",
  })
  void matching(String registered, String requested, boolean admitted) {
    assertThat(new RedirectUriPattern(registered).admits(URI.create(requested)))
        .isEqualTo(admitted);
  }
}
