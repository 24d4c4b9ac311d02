package dev.companysso.authenticator.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.organization.OrganizationProvider;

/** What a typed value resolves to, step by step, against a realm of mocks. */
class CompanyResolverTest {

  private static final List<ResolutionStep> ALL = ResolutionStep.DEFAULT_ORDER;

  private final KeycloakSession session = mock(KeycloakSession.class);
  private final RealmModel realm = mock(RealmModel.class);
  private final UserProvider users = mock(UserProvider.class);
  private final IdentityProviderStorageProvider providers =
      mock(IdentityProviderStorageProvider.class);
  private final OrganizationProvider organizations = mock(OrganizationProvider.class);

  private final IdentityProviderModel acmeOkta = provider("acme-okta", "acme-id", true, null);
  private final IdentityProviderModel acmeEu =
      provider("acme-eu", "acme-id", true, "eu.acme.example");
  private final IdentityProviderModel globexOkta = provider("globex-okta", "globex-id", true, null);
  private final OrganizationModel acme = company("acme-id", "*.acme.example", acmeOkta, acmeEu);
  private final OrganizationModel globex = company("globex-id", "globex.example", globexOkta);

  private static IdentityProviderModel provider(
      String alias, String companyId, boolean enabled, String domain) {
    IdentityProviderModel idp = new IdentityProviderModel();
    idp.setAlias(alias);
    idp.setOrganizationId(companyId);
    idp.setEnabled(enabled);
    if (domain != null) {
      idp.getConfig().put(CompanyResolver.IDP_ORGANIZATION_DOMAIN, domain);
    }
    return idp;
  }

  private static OrganizationModel company(
      String id, String domain, IdentityProviderModel... idps) {
    OrganizationModel company = mock(OrganizationModel.class);
    when(company.getId()).thenReturn(id);
    when(company.isEnabled()).thenReturn(true);
    when(company.getDomains())
        .thenAnswer(call -> Stream.of(new OrganizationDomainModel(domain, true)));
    when(company.getIdentityProviders()).thenAnswer(call -> Stream.of(idps));
    return company;
  }

  @BeforeEach
  void realm() {
    KeycloakContext context = mock(KeycloakContext.class);
    when(session.getContext()).thenReturn(context);
    when(context.getRealm()).thenReturn(realm);
    when(realm.isOrganizationsEnabled()).thenReturn(true);
    when(realm.isLoginWithEmailAllowed()).thenReturn(true);
    when(session.users()).thenReturn(users);
    when(session.identityProviders()).thenReturn(providers);
    when(session.getProvider(OrganizationProvider.class)).thenReturn(organizations);
    when(organizations.getByAlias("acme")).thenReturn(acme);
    when(organizations.getByDomainName(anyString())).thenReturn(null);
    when(organizations.getByDomainName("eu.acme.example")).thenReturn(acme);
    when(organizations.getByDomainName("hq.acme.example")).thenReturn(acme);
    when(organizations.getByDomainName("globex.example")).thenReturn(globex);
    for (IdentityProviderModel idp : List.of(acmeOkta, acmeEu, globexOkta)) {
      when(providers.getByAlias(idp.getAlias())).thenReturn(idp);
    }
  }

  private Discovery resolve(String typed) {
    DiscoveryInput input = DiscoveryInput.parse(typed, 256).input();
    return new CompanyResolver(session).resolve(input, ALL);
  }

  private static List<String> aliases(Discovery discovery) {
    return discovery.providers().stream().map(IdentityProviderModel::getAlias).toList();
  }

  @Nested
  @DisplayName("Given a company code")
  class CompanyCode {

    @Test
    @DisplayName("then an enabled company offers its enabled providers, in any case typed")
    void enabledCompany() {
      Discovery discovery = resolve("ACME");
      assertThat(discovery.outcome()).isEqualTo(Discovery.Outcome.COMPANY);
      assertThat(aliases(discovery)).containsExactly("acme-okta", "acme-eu");
    }

    @Test
    @DisplayName("then a disabled company is an unknown code: the password step")
    void disabledCompany() {
      when(acme.isEnabled()).thenReturn(false);
      assertThat(resolve("acme").isLocal()).isTrue();
    }

    @Test
    @DisplayName("then a company whose providers are all disabled is an unknown code")
    void noEnabledProvider() {
      acmeOkta.setEnabled(false);
      acmeEu.setEnabled(false);
      assertThat(resolve("acme").isLocal()).isTrue();
    }
  }

  @Nested
  @DisplayName("Given a work e-mail without an account")
  class EmailDomain {

    @Test
    @DisplayName("then a subdomain of a *. domain goes to the provider serving that subdomain")
    void wildcardPrefersTheDomainsProvider() {
      Discovery discovery = resolve("jo@eu.acme.example");
      assertThat(discovery.outcome()).isEqualTo(Discovery.Outcome.DOMAIN);
      assertThat(aliases(discovery)).containsExactly("acme-eu");
      assertThat(discovery.loginHint()).isEqualTo("jo@eu.acme.example");
    }

    @Test
    @DisplayName("then another subdomain is offered all the company's providers")
    void otherSubdomain() {
      assertThat(aliases(resolve("jo@hq.acme.example"))).containsExactly("acme-okta", "acme-eu");
    }

    @Test
    @DisplayName("then a domain no company verified is the password step")
    void unknownDomain() {
      assertThat(resolve("jo@nobody.example").isLocal()).isTrue();
    }
  }

  @Nested
  @DisplayName("Given an account linked to another company's provider")
  class LinkedUser {

    private final UserModel squatter = mock(UserModel.class);

    @BeforeEach
    void linkedToGlobex() {
      when(squatter.isEnabled()).thenReturn(true);
      when(users.getUserByEmail(any(), any())).thenReturn(null);
      when(users.getUserByEmail(realm, "boss@hq.acme.example")).thenReturn(squatter);
      when(users.getUserByEmail(realm, "gina@globex.example")).thenReturn(squatter);
      when(users.getFederatedIdentitiesStream(realm, squatter))
          .thenAnswer(
              call -> Stream.of(new FederatedIdentityModel("globex-okta", "00u1", "gina@globex")));
      when(organizations.getByMember(squatter)).thenAnswer(call -> Stream.of(globex));
    }

    @Test
    @DisplayName("then its own address goes back to that provider with its upstream username")
    void ownAddress() {
      Discovery discovery = resolve("gina@globex.example");
      assertThat(discovery.outcome()).isEqualTo(Discovery.Outcome.LINKED);
      assertThat(aliases(discovery)).containsExactly("globex-okta");
      assertThat(discovery.loginHint()).isEqualTo("gina@globex");
    }

    @Test
    @DisplayName(
        "then an address in a domain acme verified never goes to globex's provider, only to acme's")
    void domainOwnerWins() {
      Discovery discovery = resolve("boss@hq.acme.example");
      assertThat(discovery.outcome()).isEqualTo(Discovery.Outcome.DOMAIN);
      assertThat(aliases(discovery)).containsExactly("acme-okta", "acme-eu");
    }
  }

  @Test
  @DisplayName("With organizations off in the realm, nothing resolves to a company")
  void organizationsOff() {
    when(realm.isOrganizationsEnabled()).thenReturn(false);
    assertThat(resolve("acme").isLocal()).isTrue();
    assertThat(resolve("jo@eu.acme.example").isLocal()).isTrue();
  }
}
