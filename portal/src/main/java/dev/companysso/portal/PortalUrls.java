package dev.companysso.portal;

import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Where the portal and the values it hands to IdP admins live, on this server's public URL. */
public final class PortalUrls {

  /** The realm resource id the portal is served under. */
  public static final String RESOURCE = "company-sso-portal";

  private final String realmBase;

  private PortalUrls(String realmBase) {
    this.realmBase = realmBase;
  }

  public static PortalUrls of(KeycloakSession session, RealmModel realm) {
    URI base = session.getContext().getUri().getBaseUri();
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return new PortalUrls(root + "realms/" + realm.getName());
  }

  /** The portal's path below the server root, e.g. {@code /realms/workforce/company-sso-portal}. */
  public static String path(RealmModel realm) {
    return "/realms/" + realm.getName() + "/" + RESOURCE;
  }

  public String portal() {
    return realmBase + "/" + RESOURCE;
  }

  public String setupLink(String token) {
    return portal() + "/link/" + token;
  }

  /** The sign-in redirect URI the company's IdP app must list. */
  public String brokerEndpoint(String alias) {
    return realmBase + "/broker/" + alias + "/endpoint";
  }

  public String brokerLogoutResponse(String alias) {
    return brokerEndpoint(alias) + "/logout_response";
  }

  /** Okta's "Initiate login URI": a dashboard tile signs in through the company flow. */
  public String initiateLogin() {
    return realmBase + "/company-sso/initiate-login";
  }
}
