package dev.companysso.portal.web;

import dev.companysso.identityproviders.testsignin.TestSignInResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A test sign-in's claims as the page lists them: each value one line of text. */
final class TestClaims {

  private TestClaims() {}

  static Map<String, String> displayed(TestSignInResult result) {
    Map<String, String> shown = new LinkedHashMap<>();
    result
        .claims()
        .forEach(
            (name, value) ->
                shown.put(
                    name,
                    value instanceof Collection<?> values
                        ? values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : String.valueOf(value)));
    return shown;
  }
}
