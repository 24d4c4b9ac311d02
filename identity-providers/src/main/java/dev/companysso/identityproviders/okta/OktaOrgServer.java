package dev.companysso.identityproviders.okta;

import dev.companysso.identityproviders.FormProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an Okta org's OIDC endpoints are: the org authorization server ({@code
 * https://acme.okta.com}, endpoints under {@code /oauth2/v1/}) or a custom one ({@code
 * https://acme.okta.com/oauth2/default}, endpoints under {@code /v1/}), as Okta documents them.
 * Plain logic, no Keycloak session.
 */
public record OktaOrgServer(String base, String serverId) {

  private static final Pattern HOST =
      Pattern.compile("(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  /**
   * Reads the settings, or throws {@link IllegalArgumentException} naming the field and the fix.
   *
   * @param domain the Okta domain, {@code acme.okta.com} (a scheme is tolerated)
   * @param serverId empty for the org server, else a custom server id such as {@code default}
   * @param baseOverride replaces {@code https://{domain}}, e.g. for a test double
   */
  public static OktaOrgServer of(String domain, String serverId, String baseOverride) {
    String host =
        domain == null
            ? ""
            : domain
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "")
                .replaceFirst("/+$", "");
    if (host.isEmpty()) {
      throw new FormProblem("oktaDomain", "okta.domainEmpty");
    }
    if (!HOST.matcher(host).matches()) {
      throw new FormProblem("oktaDomain", "okta.domainInvalid", domain);
    }
    if (host.matches("[^.]+-admin\\.(okta|oktapreview|okta-emea)\\.com")) {
      throw new FormProblem(
          "oktaDomain", "okta.adminDomain", host, host.replaceFirst("-admin\\.", "."));
    }
    String server = serverId == null ? "" : serverId.strip();
    if (!server.isEmpty() && !SERVER_ID.matcher(server).matches()) {
      throw new FormProblem("authorizationServer", "okta.serverInvalid", serverId);
    }
    String base =
        baseOverride == null || baseOverride.isBlank()
            ? "https://" + host
            : baseOverride.strip().replaceFirst("/+$", "");
    return new OktaOrgServer(base, server);
  }

  /** The issuer Okta puts in tokens. */
  public String issuer() {
    return serverId.isEmpty() ? base : base + "/oauth2/" + serverId;
  }

  /** {@code authorize}, {@code token}, {@code keys}, {@code userinfo}, {@code logout}. */
  public String endpoint(String name) {
    return (serverId.isEmpty() ? base + "/oauth2/v1/" : issuer() + "/v1/") + name;
  }

  /** Okta serves discovery at the issuer. */
  public String discovery() {
    return issuer() + "/.well-known/openid-configuration";
  }
}
