package dev.companysso.core;

import java.util.Arrays;
import org.keycloak.common.Version;
import org.keycloak.models.GroupModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * What the running Keycloak offers of what the bundle uses beyond the oldest Keycloak it supports.
 * The bundle is compiled against the newest supported Keycloak; a call into an API a server lacks
 * fails only when it runs, so each such call asks here first, and what depends on a missing feature
 * says so in words that name the version it needs.
 */
public enum KeycloakFeatures {

  /** Groups within an organization (teams of a company; SCIM groups). */
  ORGANIZATION_GROUPS(
      "26.6",
      hasMethod(
          OrganizationProvider.class,
          "createGroup",
          OrganizationModel.class,
          String.class,
          GroupModel.class)),

  /** Admin permissions per organization, and the roles {@code view-/manage-organizations}. */
  ORGANIZATION_ADMIN_PERMISSIONS("26.6", hasMethod(AdminPermissionEvaluator.class, "orgs")),

  /** The event Keycloak publishes when an organization is removed. */
  ORGANIZATION_REMOVED_EVENT(
      "26.6", hasClass("org.keycloak.models.OrganizationModel$OrganizationRemovedEvent"));

  /** The oldest Keycloak the bundle runs on. */
  public static final String MINIMUM_VERSION = "26.5.0";

  private final String since;
  private final boolean available;

  KeycloakFeatures(String since, boolean available) {
    this.since = since;
    this.available = available;
  }

  public boolean available() {
    return available;
  }

  /** Why {@code what} cannot be had on this server, naming the version it needs. */
  public String missing(String what) {
    return what
        + " needs Keycloak "
        + since
        + " or later; this server runs Keycloak "
        + Version.VERSION
        + ".";
  }

  /** Stops Keycloak's start on a server older than {@link #MINIMUM_VERSION}, saying so. */
  public static void requireSupportedServer() {
    if (!supports(Version.VERSION)) {
      throw new IllegalStateException(
          "Company SSO needs Keycloak "
              + MINIMUM_VERSION
              + " or later; this server runs Keycloak "
              + Version.VERSION
              + ".");
    }
  }

  /**
   * Whether {@code version} (such as {@code 26.5.0} or {@code 26.6.0-SNAPSHOT}) is at least {@link
   * #MINIMUM_VERSION}.
   */
  public static boolean supports(String version) {
    return atLeast(version, MINIMUM_VERSION);
  }

  /**
   * Whether {@code version} is {@code release} ({@code 26.6}, {@code 26.5.0}) or later; an
   * unreadable version is taken as recent (a build from source).
   */
  public static boolean atLeast(String version, String release) {
    int[] running = numbers(version);
    int[] wanted = numbers(release);
    if (running.length == 0) {
      return true;
    }
    for (int i = 0; i < wanted.length; i++) {
      int part = i < running.length ? running[i] : 0;
      if (part != wanted[i]) {
        return part > wanted[i];
      }
    }
    return true;
  }

  private static int[] numbers(String version) {
    String release = version == null ? "" : version.split("[-+ ]", 2)[0];
    try {
      return Arrays.stream(release.split("\\.")).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      return new int[0];
    }
  }

  private static boolean hasMethod(Class<?> type, String name, Class<?>... parameters) {
    try {
      type.getMethod(name, parameters);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean hasClass(String name) {
    try {
      Class.forName(name, false, KeycloakFeatures.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
