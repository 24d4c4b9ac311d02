package dev.companysso.identityproviders.entra;

import dev.companysso.identityproviders.FormProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which Entra tenants may sign in through one identity provider, and the endpoints that follow: one
 * tenant (by its id or a verified domain), or the multi-tenant endpoint {@code organizations} with
 * an explicit allow-list of tenant ids. Plain logic, no Keycloak session.
 */
public record EntraTenancy(String authority, String graph, String tenant, List<String> allowed) {

  static final String MULTI_TENANT = "organizations";

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  /**
   * Reads the settings, or throws {@link IllegalArgumentException} with a message naming the field
   * and the fix: Keycloak's admin REST API answers it as a 400.
   */
  public static EntraTenancy of(
      String tenantSetting,
      String allowedSetting,
      String cloudSetting,
      String authorityOverride,
      String graphOverride) {
    EntraCloud cloud =
        EntraCloud.fromSetting(cloudSetting)
            .orElseThrow(() -> new FormProblem("cloud", "entra.cloudInvalid", cloudSetting));
    String tenant = tenantSetting == null ? "" : tenantSetting.strip().toLowerCase(Locale.ROOT);
    List<String> allowed = new ArrayList<>();
    for (String id : (allowedSetting == null ? "" : allowedSetting).split("[,\\s]+")) {
      if (!id.isBlank()) {
        if (!GUID.matcher(id).matches()) {
          throw new FormProblem("allowedTenants", "entra.allowedInvalid", id);
        }
        allowed.add(id.toLowerCase(Locale.ROOT));
      }
    }
    if (tenant.equals(MULTI_TENANT) || tenant.equals("common")) {
      if (allowed.isEmpty()) {
        throw new FormProblem("tenantId", "entra.multiTenantNeedsAllowed");
      }
      tenant = MULTI_TENANT;
    } else if (tenant.isEmpty()) {
      throw new FormProblem("tenantId", "entra.tenantEmpty");
    } else if (GUID.matcher(tenant).matches()) {
      allowed = List.of(tenant);
    } else if (DOMAIN.matcher(tenant).matches()) {
      allowed = List.of();
    } else {
      throw new FormProblem("tenantId", "entra.tenantInvalid", tenantSetting);
    }
    return new EntraTenancy(
        trimSlash(blankTo(authorityOverride, cloud.authority())),
        trimSlash(blankTo(graphOverride, cloud.graph())),
        tenant,
        List.copyOf(allowed));
  }

  /** Whether one tenant is meant (by id or domain), not the multi-tenant endpoint. */
  public boolean isSingleTenant() {
    return !tenant.equals(MULTI_TENANT);
  }

  /** {@code {authority}/{tenant}/oauth2/v2.0/authorize} and its siblings. */
  public String endpoint(String path) {
    return authority + "/" + tenant + path;
  }

  /** The issuer of tokens of a tenant: {@code {authority}/{tenant id}/v2.0}. */
  public String issuerOf(String tenantId) {
    return authority + "/" + tenantId + "/v2.0";
  }

  /**
   * The issuers Keycloak accepts, comma-separated as its OIDC broker reads them; empty when the
   * tenant is named by domain (its id is learned from discovery).
   */
  public String trustedIssuers() {
    return String.join(",", allowed.stream().map(this::issuerOf).toList());
  }

  /** Whether a token's {@code tid} and {@code iss} name an accepted tenant and agree. */
  public boolean accepts(String tid, String iss) {
    if (tid == null || iss == null) {
      return false;
    }
    String id = tid.toLowerCase(Locale.ROOT);
    return (allowed.isEmpty() || allowed.contains(id)) && iss.equals(issuerOf(tid));
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
