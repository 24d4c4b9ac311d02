package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import dev.companysso.core.AccountAttributes;
import dev.companysso.core.CompanyOwnership;
import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * One authenticated SCIM request: the company whose token it carried, and the boundary of what it
 * may see. A user is visible only while the company owns it ({@link CompanyOwnership}) and SCIM has
 * not deleted it; everyone else answers 404, exactly as an id that does not exist.
 */
final class ScimContext {

  final KeycloakSession session;
  final RealmModel realm;
  final OrganizationModel company;
  final ScimSettings settings;
  private final URI base;

  ScimContext(KeycloakSession session, OrganizationModel company, URI base) {
    this.session = session;
    this.realm = session.getContext().getRealm();
    this.company = company;
    this.settings = ScimSettings.of(company);
    this.base = base;
  }

  OrganizationProvider organizations() {
    return session.getProvider(OrganizationProvider.class);
  }

  boolean visible(UserModel user) {
    return user != null
        && user.getFirstAttribute(AccountAttributes.SCIM_DELETED) == null
        && owned(user);
  }

  boolean owned(UserModel user) {
    return CompanyOwnership.owns(session, realm, company, user);
  }

  UserModel user(String id) throws ResourceNotFoundException {
    UserModel user = id == null ? null : session.users().getUserById(realm, id);
    if (!visible(user)) {
      throw new ResourceNotFoundException("No user " + id + " in this company.");
    }
    return user;
  }

  URI location(String endpoint, String id) {
    return location(endpoint + "/" + id);
  }

  /** {@code path} below the company's base URL. */
  URI location(String path) {
    return base.resolve(base.getPath() + "/" + path);
  }
}
