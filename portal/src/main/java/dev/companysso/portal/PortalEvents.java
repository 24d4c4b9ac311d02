package dev.companysso.portal;

import dev.companysso.portal.links.SetupLink;
import java.util.Optional;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Admin events of what is done in the portal. Through a setup link the change is the link
 * creator's, by delegation: the event names them as the admin and the link in its details, so the
 * realm's admin events show every use of every link.
 */
public final class PortalEvents {

  /** The resource type of the portal's admin events. */
  public static final String RESOURCE = "COMPANY_SSO_PORTAL";

  private PortalEvents() {}

  /** The admin who created the link; empty once they are deleted (the link then stops working). */
  public static Optional<UserModel> creator(KeycloakSession session, SetupLink link) {
    RealmModel realm = session.realms().getRealm(link.createdByRealm());
    return Optional.ofNullable(
        realm == null ? null : session.users().getUserById(realm, link.createdBy()));
  }

  public static String creatorName(KeycloakSession session, SetupLink link) {
    return creator(session, link).map(UserModel::getUsername).orElse(link.createdBy());
  }

  /**
   * Records one use of a link: {@code what} names the action (e.g. {@code sso/save}), {@code
   * representation} what changed, never a secret.
   */
  public static void linkUsed(
      KeycloakSession session,
      RealmModel realm,
      SetupLink link,
      String companyAlias,
      OperationType operation,
      String what,
      Object representation) {
    RealmModel creatorRealm = session.realms().getRealm(link.createdByRealm());
    UserModel creator = creator(session, link).orElseThrow();
    event(session, realm, creatorRealm, creator, companyAlias, operation, what, representation)
        .detail("setupLink", link.id())
        .success();
  }

  /** Records what a company's Owner, signed in to the realm, did in the portal. */
  public static void ownerActed(
      KeycloakSession session,
      RealmModel realm,
      UserModel owner,
      String companyAlias,
      OperationType operation,
      String what,
      Object representation) {
    signedInUserActed(
        session, realm, owner, "owner", companyAlias, operation, what, representation);
  }

  /** Records what vendor staff, signed in to the realm, did for a company in the vendor view. */
  public static void staffActed(
      KeycloakSession session,
      RealmModel realm,
      UserModel staff,
      String companyAlias,
      OperationType operation,
      String what,
      Object representation) {
    signedInUserActed(
        session, realm, staff, "staff", companyAlias, operation, what, representation);
  }

  /**
   * Records what the portal noticed by itself (a scheduled check that failed, an expiry warning
   * sent): nobody acted, so the event names the portal's client and no user, with detail {@code
   * raisedBy}. Webhooks and SIEMs that read admin events see these as they see the portal's
   * changes.
   */
  public static void raised(
      KeycloakSession session,
      RealmModel realm,
      String companyAlias,
      String what,
      Object representation) {
    new Unattended(session, realm)
        .resource(RESOURCE)
        .operation(OperationType.ACTION)
        .resourcePath(PortalUrls.RESOURCE, companyAlias, what)
        .representation(representation)
        .detail("raisedBy", PortalUrls.RESOURCE)
        .success();
  }

  /**
   * An admin event without an admin: Keycloak's builder takes its actor from a request, which a
   * timer does not have, so this one names the portal's client, no user and no address.
   */
  private static final class Unattended extends AdminEventBuilder {

    Unattended(KeycloakSession session, RealmModel realm) {
      super(realm, new AdminAuth(realm, null, null, PortalClient.ensure(realm)), session, NO_ONE);
    }

    /** Nobody acted; Keycloak's builder would read the absent user's id. */
    @Override
    public AdminEventBuilder authUser(UserModel user) {
      return user == null ? this : super.authUser(user);
    }
  }

  /** The connection of no request: Keycloak's builder reads the address of one. */
  private static final ClientConnection NO_ONE =
      new ClientConnection() {
        @Override
        public String getRemoteAddr() {
          return null;
        }

        @Override
        public String getRemoteHost() {
          return null;
        }

        @Override
        public int getRemotePort() {
          return 0;
        }

        @Override
        public String getLocalAddr() {
          return null;
        }

        @Override
        public int getLocalPort() {
          return 0;
        }
      };

  private static void signedInUserActed(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      String as,
      String companyAlias,
      OperationType operation,
      String what,
      Object representation) {
    event(session, realm, realm, user, companyAlias, operation, what, representation)
        .detail(as, user.getUsername())
        .success();
  }

  private static AdminEventBuilder event(
      KeycloakSession session,
      RealmModel realm,
      RealmModel actorRealm,
      UserModel actor,
      String companyAlias,
      OperationType operation,
      String what,
      Object representation) {
    return new AdminEventBuilder(
            realm,
            new AdminAuth(actorRealm, null, actor, PortalClient.ensure(realm)),
            session,
            session.getContext().getConnection())
        .resource(RESOURCE)
        .operation(operation)
        .resourcePath(PortalUrls.RESOURCE, companyAlias, what)
        .representation(representation);
  }
}
