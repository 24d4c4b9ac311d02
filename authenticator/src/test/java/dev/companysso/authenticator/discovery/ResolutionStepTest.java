package dev.companysso.authenticator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResolutionStepTest {

  @Test
  @DisplayName("No configured order means linked user, then company code, then e-mail domain")
  void defaultOrder() {
    assertThat(ResolutionStep.parseOrder(null))
        .containsExactly(
            ResolutionStep.LINKED_USER, ResolutionStep.COMPANY_CODE, ResolutionStep.EMAIL_DOMAIN);
  }

  @Test
  @DisplayName("An admin's order is kept; repeated and unknown names are dropped")
  void adminOrder() {
    assertThat(ResolutionStep.parseOrder("email-domain##company-code##email-domain##nonsense"))
        .containsExactly(ResolutionStep.EMAIL_DOMAIN, ResolutionStep.COMPANY_CODE);
  }
}
