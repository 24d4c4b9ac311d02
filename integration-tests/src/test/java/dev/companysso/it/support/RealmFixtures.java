package dev.companysso.it.support;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
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

  /** Links a user to an identity provider, as a first brokered login would. */
  public void link(String userId, String identityProvider, String upstreamId, String upstreamUsername) {
    FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
    link.setIdentityProvider(identityProvider);
    link.setUserId(upstreamId);
    link.setUserName(upstreamUsername);
    try (Response response = realm.users().get(userId).addFederatedIdentity(identityProvider, link)) {
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

  private static void expectSuccess(Response response, String what) {
    if (response.getStatus() >= 300) {
      throw new IllegalStateException(
          "Could not " + what + ": HTTP " + response.getStatus() + " " + response.readEntity(String.class));
    }
  }
}
