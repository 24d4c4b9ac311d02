package dev.companysso.it.support;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Test data made through the admin REST API, as an admin would make it. */
public final class RealmFixtures {

  private final RealmResource realm;

  public RealmFixtures(Keycloak admin, String realm) {
    this.realm = admin.realm(realm);
  }

  public RealmResource realm() {
    return realm;
  }

  /** A local user with a password; returns the user id. */
  public String localUser(String username, String email, String password) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEmail(email);
    user.setEmailVerified(true);
    user.setFirstName(username);
    user.setLastName("Local");
    user.setEnabled(true);
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(false);
    user.setCredentials(List.of(credential));
    try (Response response = realm.users().create(user)) {
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  /**
   * A public PKCE client whose redirect URIs admit demo-app's callback, as an app of the realm;
   * returns its id.
   */
  public String publicApp(
      String clientId, String keycloakBaseUrl, List<ProtocolMapperRepresentation> mappers) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(true);
    client.setRedirectUris(List.of(keycloakBaseUrl + "/demo-app/*"));
    client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
    client.setProtocolMappers(mappers);
    try (Response created = realm.clients().create(client)) {
      return CreatedResponseUtil.getCreatedId(created);
    }
  }

  /** Links a user to an identity provider, as a first brokered login would. */
  public void link(
      String userId, String identityProvider, String upstreamId, String upstreamUsername) {
    FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
    link.setIdentityProvider(identityProvider);
    link.setUserId(upstreamId);
    link.setUserName(upstreamUsername);
    try (Response response =
        realm.users().get(userId).addFederatedIdentity(identityProvider, link)) {
      expectSuccess(response, "link " + userId + " to " + identityProvider);
    }
  }

  /** An OIDC identity provider that points at {@code issuer} (only its redirect is exercised). */
  public void identityProvider(String alias, String displayName, String issuer, boolean enabled) {
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setDisplayName(displayName);
    idp.setProviderId("oidc");
    idp.setEnabled(enabled);
    idp.setHideOnLogin(true);
    idp.setConfig(
        Map.of(
            "issuer", issuer,
            "authorizationUrl", issuer + "/oauth2/v1/authorize",
            "tokenUrl", issuer + "/oauth2/v1/token",
            "clientId", "unused",
            "clientSecret", "unused",
            "clientAuthMethod", "client_secret_post",
            "loginHint", "true"));
    try (Response response = realm.identityProviders().create(idp)) {
      expectSuccess(response, "create identity provider " + alias);
    }
  }

  /**
   * An OIDC identity provider for an Okta org of the simulator, configured like the realm export's
   * {@code acme-okta}.
   */
  public void oktaIdentityProvider(
      String alias, String orgBaseUrl, String clientId, String clientSecret) {
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setDisplayName(alias);
    idp.setProviderId("oidc");
    idp.setEnabled(true);
    idp.setHideOnLogin(true);
    idp.setConfig(
        Map.ofEntries(
            Map.entry("issuer", orgBaseUrl),
            Map.entry("authorizationUrl", orgBaseUrl + "/oauth2/v1/authorize"),
            Map.entry("tokenUrl", orgBaseUrl + "/oauth2/v1/token"),
            Map.entry("jwksUrl", orgBaseUrl + "/oauth2/v1/keys"),
            Map.entry("userInfoUrl", orgBaseUrl + "/oauth2/v1/userinfo"),
            Map.entry("clientId", clientId),
            Map.entry("clientSecret", clientSecret),
            Map.entry("clientAuthMethod", "client_secret_basic"),
            Map.entry("defaultScope", "openid profile email groups"),
            Map.entry("validateSignature", "true"),
            Map.entry("useJwksUrl", "true"),
            Map.entry("pkceEnabled", "true"),
            Map.entry("pkceMethod", "S256")));
    try (Response response = realm.identityProviders().create(idp)) {
      expectSuccess(response, "create identity provider " + alias);
    }
  }

  /**
   * A company {@code <company>} with the verified domain {@code <company>.example} and an OIDC
   * provider {@code <company>-okta} on the simulator's acme Okta org (its app and demo client);
   * returns the provider's alias.
   */
  public String companyOnAcmeOkta(String company, String acmeOrgBaseUrl) {
    String alias = company + "-okta";
    oktaIdentityProvider(
        alias, acmeOrgBaseUrl, "0oa1acmekeycloak000001", "acme-okta-client-secret");
    company(company, company + ".example", true, List.of(alias));
    return alias;
  }

  /** Sets "Trust email" of an identity provider; returns the previous value. */
  public boolean trustEmail(String alias, boolean trust) {
    IdentityProviderRepresentation idp = realm.identityProviders().get(alias).toRepresentation();
    boolean previous = Boolean.TRUE.equals(idp.isTrustEmail());
    idp.setTrustEmail(trust);
    realm.identityProviders().get(alias).update(idp);
    return previous;
  }

  public void realmRole(String name) {
    RoleRepresentation role = new RoleRepresentation();
    role.setName(name);
    realm.roles().create(role);
  }

  /** The realm roles granted to the one user named {@code username}. */
  public List<String> realmRolesOf(String username) {
    return realm.users().get(userId(username)).roles().realmLevel().listEffective().stream()
        .map(RoleRepresentation::getName)
        .toList();
  }

  /** A role of the client with this client id. */
  public void clientRole(String clientId, String name) {
    RoleRepresentation role = new RoleRepresentation();
    role.setName(name);
    realm.clients().get(clientUuid(clientId)).roles().create(role);
  }

  /** The roles of the client mapped to the user directly. */
  public List<String> clientRolesOf(String username, String clientId) {
    return realm
        .users()
        .get(userId(username))
        .roles()
        .clientLevel(clientUuid(clientId))
        .listAll()
        .stream()
        .map(RoleRepresentation::getName)
        .toList();
  }

  private String clientUuid(String clientId) {
    return realm.clients().findByClientId(clientId).get(0).getId();
  }

  /** The realm roles mapped to the user directly, not through groups or composites. */
  public List<String> directRealmRolesOf(String username) {
    return realm.users().get(userId(username)).roles().realmLevel().listAll().stream()
        .map(RoleRepresentation::getName)
        .toList();
  }

  /** Grants a realm role by hand, as an admin does in the console. */
  public void grantRealmRole(String username, String role) {
    realm
        .users()
        .get(userId(username))
        .roles()
        .realmLevel()
        .add(List.of(realm.roles().get(role).toRepresentation()));
  }

  /** The paths of the groups the user is a direct member of. */
  public List<String> groupsOf(String username) {
    return realm.users().get(userId(username)).groups().stream()
        .map(GroupRepresentation::getPath)
        .toList();
  }

  /** Adds the user to the group at {@code path} by hand. */
  public void joinGroup(String username, String path) {
    realm.users().get(userId(username)).joinGroup(realm.getGroupByPath(path).getId());
  }

  /** The user's attributes as an admin sees them. */
  public Map<String, List<String>> attributesOf(String username) {
    Map<String, List<String>> attributes =
        realm.users().get(userId(username)).toRepresentation().getAttributes();
    return attributes == null ? Map.of() : attributes;
  }

  /** Deletes every user whose e-mail is in {@code domain}. */
  public void deleteUsersWithEmailIn(String domain) {
    realm.users().search("@" + domain, 0, Integer.MAX_VALUE).stream()
        .filter(u -> u.getEmail() != null && u.getEmail().endsWith("@" + domain))
        .forEach(u -> realm.users().delete(u.getId()).close());
  }

  /** The organization with this alias. */
  public OrganizationResource companyResource(String alias) {
    return realm.organizations().get(companyRepresentation(alias).getId());
  }

  /**
   * The organization with this alias, looked up among all of them: the list endpoint answers 10 by
   * default, fewer than a test run creates.
   */
  public OrganizationRepresentation companyRepresentation(String alias) {
    return realm.organizations().list(0, Integer.MAX_VALUE).stream()
        .filter(o -> alias.equals(o.getAlias()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No company " + alias));
  }

  /** The aliases of the organizations the one user named {@code username} belongs to. */
  public List<String> companiesOf(String username) {
    return realm.organizations().members().getOrganizations(userId(username), true).stream()
        .map(OrganizationRepresentation::getAlias)
        .toList();
  }

  public String userId(String username) {
    return user(username).getId();
  }

  /** The one user named {@code username}; fails when there is none or more than one. */
  public UserRepresentation user(String username) {
    List<UserRepresentation> users = realm.users().searchByUsername(username, true);
    if (users.size() != 1) {
      throw new AssertionError(
          "Expected one user named " + username + " but found " + users.size());
    }
    return users.get(0);
  }

  /** An organization with one verified domain, linked to the given identity providers. */
  public OrganizationResource company(
      String alias, String domain, boolean enabled, List<String> identityProviders) {
    OrganizationRepresentation organization = new OrganizationRepresentation();
    organization.setName(alias);
    organization.setAlias(alias);
    organization.setEnabled(enabled);
    OrganizationDomainRepresentation orgDomain = new OrganizationDomainRepresentation();
    orgDomain.setName(domain);
    orgDomain.setVerified(true);
    organization.addDomain(orgDomain);
    String id;
    try (Response response = realm.organizations().create(organization)) {
      id = CreatedResponseUtil.getCreatedId(response);
    }
    OrganizationResource created = realm.organizations().get(id);
    for (String idp : identityProviders) {
      try (Response response = created.identityProviders().addIdentityProvider(idp)) {
        expectSuccess(response, "link " + idp + " to " + alias);
      }
    }
    return created;
  }

  /**
   * Sets one setting of the authenticator {@code providerId} in the flow {@code flowAlias}; returns
   * the previous value, for putting it back.
   */
  public String authenticatorSetting(
      String flowAlias, String providerId, String key, String value) {
    AuthenticationExecutionInfoRepresentation execution =
        realm.flows().getExecutions(flowAlias).stream()
            .filter(e -> providerId.equals(e.getProviderId()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(providerId + " is not in " + flowAlias));
    AuthenticatorConfigRepresentation config =
        realm.flows().getAuthenticatorConfig(execution.getAuthenticationConfig());
    String previous = config.getConfig().put(key, value);
    realm.flows().updateAuthenticatorConfig(config.getId(), config);
    return previous;
  }

  /** Sets (or with null, removes) an attribute of the organization with {@code alias}. */
  public void companyAttribute(String alias, String name, String value) {
    OrganizationResource resource = companyResource(alias);
    OrganizationRepresentation current = resource.toRepresentation();
    Map<String, List<String>> attributes =
        new HashMap<>(Optional.ofNullable(current.getAttributes()).orElse(Map.of()));
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, List.of(value));
    }
    current.setAttributes(attributes);
    try (Response response = resource.update(current)) {
      expectSuccess(response, "update organization " + alias);
    }
  }

  /** The newest events of {@code type} (at most 200), newest first. */
  public List<EventRepresentation> events(String type) {
    return realm.getEvents(List.of(type), null, null, null, null, null, null, 200);
  }

  /** The IdP login errors with this error code for this identity provider, since {@code millis}. */
  public List<EventRepresentation> identityProviderErrors(
      String identityProvider, String error, long millis) {
    return events("IDENTITY_PROVIDER_LOGIN_ERROR").stream()
        .filter(event -> event.getTime() >= millis)
        .filter(event -> error.equals(event.getError()))
        .filter(
            event ->
                event.getDetails() != null
                    && identityProvider.equals(event.getDetails().get("identity_provider")))
        .toList();
  }

  private static void expectSuccess(Response response, String what) {
    if (response.getStatus() >= 300) {
      throw new IllegalStateException(
          "Could not "
              + what
              + ": HTTP "
              + response.getStatus()
              + " "
              + response.readEntity(String.class));
    }
  }
}
