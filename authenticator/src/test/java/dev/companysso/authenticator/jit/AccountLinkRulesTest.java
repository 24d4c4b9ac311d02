package dev.companysso.authenticator.jit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.companysso.core.AccountAttributes;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.organization.OrganizationProvider;

/** Which existing account a company's first login may take over without the person's password. */
class AccountLinkRulesTest {

  private static final Map<String, Object> VERIFIED =
      Map.of("email", "jo@acme.example", "email_verified", true);

  private final KeycloakSession session = mock(KeycloakSession.class);
  private final RealmModel realm = mock(RealmModel.class);
  private final UserProvider users = mock(UserProvider.class);
  private final OrganizationProvider organizations = mock(OrganizationProvider.class);
  private final OrganizationModel acme = company("acme-id", "acme.example");
  private final OrganizationModel globex = company("globex-id", "globex.example");
  private final UserModel existing = mock(UserModel.class);
  private final AccountLinkRules rules = new AccountLinkRules(session, realm, acme);

  private static OrganizationModel company(String id, String domain) {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getId()).thenReturn(id);
    when(company.isEnabled()).thenReturn(true);
    when(company.getDomains())
        .thenAnswer(call -> Stream.of(new OrganizationDomainModel(domain, true)));
    return company;
  }

  @BeforeEach
  void realm() {
    KeycloakContext context = mock(KeycloakContext.class);
    when(session.getContext()).thenReturn(context);
    when(context.getRealm()).thenReturn(realm);
    when(realm.isOrganizationsEnabled()).thenReturn(true);
    when(realm.getClientByClientId(anyString())).thenReturn(mock(ClientModel.class));
    when(session.users()).thenReturn(users);
    when(session.getProvider(OrganizationProvider.class)).thenReturn(organizations);
    when(organizations.getByDomainName("acme.example")).thenReturn(acme);
    when(organizations.getByDomainName("globex.example")).thenReturn(globex);
  }

  @Test
  @DisplayName(
      "A name in another company's verified domain is foreign; one in the own domain is not")
  void foreign() {
    assertThat(rules.anyForeign("boss@globex.example", null)).isTrue();
    assertThat(rules.anyForeign("jo@acme.example", "jo")).isFalse();
  }

  @Nested
  @DisplayName("Given an account the company pushed through SCIM under the sign-in name")
  class Provisioned {

    @BeforeEach
    void pushed() {
      when(users.getUserByUsername(realm, "jo@acme.example")).thenReturn(existing);
      when(existing.getFirstAttribute(AccountAttributes.SCIM_OWNER)).thenReturn("acme-id");
      when(organizations.isManagedMember(acme, existing)).thenReturn(true);
      when(organizations.getByMember(existing)).thenAnswer(call -> Stream.of(acme));
    }

    @Test
    @DisplayName("then it is linked, whatever the case of the upstream name")
    void linked() {
      assertThat(rules.provisionedAccount("Jo@Acme.example", "acme-okta")).contains(existing);
    }

    @Test
    @DisplayName("then not when another company pushed it")
    void otherCompany() {
      when(existing.getFirstAttribute(AccountAttributes.SCIM_OWNER)).thenReturn("globex-id");
      assertThat(rules.provisionedAccount("jo@acme.example", "acme-okta")).isEmpty();
    }

    @Test
    @DisplayName("then not when SCIM deleted it, or it is shared with another company")
    void deletedOrShared() {
      when(existing.getFirstAttribute(AccountAttributes.SCIM_DELETED)).thenReturn("2026-12-01");
      assertThat(rules.provisionedAccount("jo@acme.example", "acme-okta")).isEmpty();

      when(existing.getFirstAttribute(AccountAttributes.SCIM_DELETED)).thenReturn(null);
      when(organizations.getByMember(existing)).thenAnswer(call -> Stream.of(acme, globex));
      assertThat(rules.provisionedAccount("jo@acme.example", "acme-okta")).isEmpty();
    }

    @Test
    @DisplayName("then not when it is already linked to this provider")
    void alreadyLinked() {
      when(users.getFederatedIdentity(realm, existing, "acme-okta"))
          .thenReturn(new FederatedIdentityModel("acme-okta", "00u1", "jo"));
      assertThat(rules.provisionedAccount("jo@acme.example", "acme-okta")).isEmpty();
    }
  }

  @Nested
  @DisplayName("Given a local account with the e-mail the provider asserts")
  class Trusted {

    @BeforeEach
    void local() {
      when(users.getUserByEmail(realm, "jo@acme.example")).thenReturn(existing);
      when(existing.isEnabled()).thenReturn(true);
      when(existing.isEmailVerified()).thenReturn(true);
    }

    @Test
    @DisplayName("then it is linked when all vouch: trusted provider, verified claim and account")
    void linked() {
      assertThat(rules.trustedAccount("jo@acme.example", true, false, VERIFIED)).contains(existing);
    }

    @Test
    @DisplayName("then not when the provider is not trusted for e-mails")
    void untrustedProvider() {
      assertThat(rules.trustedAccount("jo@acme.example", false, false, VERIFIED)).isEmpty();
    }

    @Test
    @DisplayName("then not when the person typed the address on the review page")
    void typedOnReview() {
      assertThat(rules.trustedAccount("jo@acme.example", true, true, VERIFIED)).isEmpty();
    }

    @Test
    @DisplayName("then not when the token does not say the address is verified")
    void unverifiedClaim() {
      assertThat(
              rules.trustedAccount(
                  "jo@acme.example", true, false, Map.of("email", "jo@acme.example")))
          .isEmpty();
    }

    @Test
    @DisplayName("then not when the local e-mail is unverified")
    void unverifiedLocal() {
      when(existing.isEmailVerified()).thenReturn(false);
      assertThat(rules.trustedAccount("jo@acme.example", true, false, VERIFIED)).isEmpty();
    }

    @Test
    @DisplayName("then not when the domain is not this company's verified domain")
    void notTheCompanysDomain() {
      when(organizations.getByDomainName("acme.example")).thenReturn(null);
      assertThat(rules.trustedAccount("jo@acme.example", true, false, VERIFIED)).isEmpty();
    }
  }
}
