package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.UpstreamSignInPage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;

/** The walking skeleton: one sign-in per vendor through the real Keycloak and the simulators. */
@ExtendWith(CompanySsoExtension.class)
class BrokeredLoginIT {

  @Test
  @DisplayName(
      "A worker of Acme signs in to demo-app through Acme's Okta and is linked to the Okta user id")
  void signsInThroughOkta(CompanySsoStack stack) throws Exception {
    JWTClaimsSet idToken =
        signIn(stack, "acme-okta", UpstreamSignInPage.OKTA, "alice@acme.example", "alice-password");

    assertThat(idToken.getStringClaim("email")).isEqualTo("alice@acme.example");
    assertThat(linksOf(stack, "alice@acme.example"))
        .extracting(
            FederatedIdentityRepresentation::getIdentityProvider,
            FederatedIdentityRepresentation::getUserId)
        .containsExactly(tuple("acme-okta", "00u1alice00000000001"));
  }

  @Test
  @DisplayName(
      "A worker of Contoso signs in to demo-app through Contoso's Entra ID tenant and is linked to it")
  void signsInThroughEntraId(CompanySsoStack stack) throws Exception {
    signIn(
        stack, "contoso-entra", UpstreamSignInPage.ENTRA, "dave@contoso.example", "dave-password");

    assertThat(linksOf(stack, "dave@contoso.example"))
        .extracting(
            FederatedIdentityRepresentation::getIdentityProvider,
            FederatedIdentityRepresentation::getUserId,
            FederatedIdentityRepresentation::getUserName)
        .as("keyed on Dave's Entra object id (oid), not the pairwise sub")
        .containsExactly(
            tuple("contoso-entra", "0d7e2c4a-91b3-4f5e-8a6d-7c1b2e3f4a01", "dave@contoso.example"));
  }

  /** Signs in and checks that demo-app's ID token names the worker. */
  private static JWTClaimsSet signIn(
      CompanySsoStack stack,
      String idpAlias,
      UpstreamSignInPage page,
      String username,
      String password)
      throws Exception {
    JWTClaimsSet idToken = BrokeredLogin.signIn(stack, idpAlias, page, username, password);
    assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(username);
    return idToken;
  }

  private static List<FederatedIdentityRepresentation> linksOf(
      CompanySsoStack stack, String username) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      return BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, username);
    }
  }
}
