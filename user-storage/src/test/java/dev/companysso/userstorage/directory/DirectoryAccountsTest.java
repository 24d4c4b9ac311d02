package dev.companysso.userstorage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.companysso.core.CompanyGroupRules;
import dev.companysso.core.events.CompanyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.cache.AlternativeLookupProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.organization.OrganizationProvider;

/** The rules by which one directory provider creates, updates and leaves alone accounts. */
class DirectoryAccountsTest {

  private final KeycloakSession session = mock(KeycloakSession.class);
  private final KeycloakContext context = mock(KeycloakContext.class);
  private final RealmModel realm = mock(RealmModel.class);
  private final UserProvider users = mock(UserProvider.class);
  private final OrganizationProvider organizations = mock(OrganizationProvider.class);
  private final IdentityProviderStorageProvider providers =
      mock(IdentityProviderStorageProvider.class);
  private final OrganizationModel globex = company("globex-id", "globex.example");
  private final OrganizationModel acme = company("acme-id", "*.acme.example");
  private final IdentityProviderModel idp = new IdentityProviderModel();
  private final SyncReport report = new SyncReport();
  private DirectoryAccounts accounts;

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
    idp.setAlias("globex-okta");
    when(session.getContext()).thenReturn(context);
    when(context.getRealm()).thenReturn(realm);
    when(realm.isOrganizationsEnabled()).thenReturn(true);
    when(session.users()).thenReturn(users);
    when(session.identityProviders()).thenReturn(providers);
    when(providers.getMappersByAliasStream("globex-okta")).thenAnswer(call -> Stream.empty());
    when(session.getProvider(OrganizationProvider.class)).thenReturn(organizations);
    when(organizations.getByDomainName(anyString())).thenReturn(null);
    when(organizations.getByDomainName("eu.acme.example")).thenReturn(acme);
    when(realm.getClientByClientId(anyString())).thenReturn(mock(ClientModel.class));
    DirectoryConfig config =
        new DirectoryConfig(
            "globex-directory",
            idp,
            globex,
            Set.of(),
            10,
            5,
            List.of(),
            new FieldMappings(Map.of()),
            null);
    accounts =
        new DirectoryAccounts(
            session, realm, config, CompanyGroupRules.of(session, "globex-okta"), report);
  }

  private static DirectoryUser listed(String id, String username, String email) {
    return new DirectoryUser(id, username, "ACTIVE", Map.of(UserModel.EMAIL, email), null);
  }

  @Nested
  @DisplayName("Given a listed user without an account")
  class NewUser {

    @Test
    @DisplayName(
        "then an active one is created as a managed member with the link, and an address on the company's domain is verified")
    void created() {
      UserModel created = mock(UserModel.class);
      when(users.addUser(realm, "jo@globex.example")).thenReturn(created);
      when(session.getProvider(AlternativeLookupProvider.class))
          .thenReturn(mock(AlternativeLookupProvider.class));
      KeycloakSessionFactory listeners = mock(KeycloakSessionFactory.class);
      when(session.getKeycloakSessionFactory()).thenReturn(listeners);

      accounts.apply(
          listed("00u5", "Jo@globex.example", "jo@globex.example"), true, "run", new ArrayList<>());

      verify(created).setEmail("jo@globex.example");
      verify(created).setEmailVerified(true);
      verify(users).addFederatedIdentity(eq(realm), eq(created), any(FederatedIdentityModel.class));
      verify(organizations).addManagedMember(globex, created);
      verify(listeners)
          .publish(
              argThat(
                  event ->
                      event instanceof CompanyEvent told
                          && told.type().equals(CompanyEvent.USER_PROVISIONED)
                          && told.company() == globex
                          && "directory".equals(told.data().get("source"))));
      assertThat(report.created).isEqualTo(1);
    }

    @Test
    @DisplayName("then one in another company's verified domain (incl. *.) is not created")
    void foreignDomain() {
      accounts.apply(
          listed("00u1", "squat@eu.acme.example", "squat@eu.acme.example"),
          true,
          "run",
          new ArrayList<>());

      verify(users, never()).addUser(any(), anyString());
      assertThat(report.conflicts).isEqualTo(1);
      assertThat(report.notes.toString()).contains("verified domain of another company");
    }

    @Test
    @DisplayName("then a username an account the directory does not manage has is a conflict")
    void usernameTaken() {
      when(users.getUserByUsername(realm, "jo@globex.example")).thenReturn(mock(UserModel.class));

      accounts.apply(
          listed("00u2", "jo@globex.example", "jo@globex.example"), true, "run", new ArrayList<>());

      verify(users, never()).addUser(any(), anyString());
      assertThat(report.notes.toString()).contains("an account this directory does not manage");
    }

    @Test
    @DisplayName("then an inactive one is skipped, never created")
    void inactive() {
      accounts.apply(
          listed("00u3", "old@globex.example", "old@globex.example"),
          false,
          "run",
          new ArrayList<>());

      verify(users, never()).addUser(any(), anyString());
      assertThat(report.skippedInactive).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Given a linked account the company does not own")
  class NotOwned {

    private final UserModel shared = mock(UserModel.class);

    @BeforeEach
    void linkedButShared() {
      when(users.getUserByFederatedIdentity(eq(realm), any(FederatedIdentityModel.class)))
          .thenReturn(shared);
      when(shared.getUsername()).thenReturn("consultant@globex.example");
      when(organizations.isManagedMember(globex, shared)).thenReturn(true);
      when(organizations.getByMember(shared)).thenAnswer(call -> Stream.of(globex, acme));
    }

    @Test
    @DisplayName("then a listing that says inactive leaves it enabled and reports it")
    void leftAlone() {
      List<String> toDisable = new ArrayList<>();

      accounts.apply(
          listed("00u4", "consultant@globex.example", "consultant@globex.example"),
          false,
          "run",
          toDisable);

      assertThat(toDisable).isEmpty();
      verify(shared, never()).setEnabled(false);
      assertThat(report.notes.toString()).contains("not an account of this company alone");
    }
  }
}
