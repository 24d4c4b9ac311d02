package dev.companysso.core;

import org.keycloak.models.IdentityProviderModel;

/**
 * A company's identity provider that exists only so that its admin can test it: its IdP app
 * redirects to the provider's broker endpoint, which Keycloak serves for enabled providers only.
 * Until the company enables it, it takes no login (only test sign-ins), is linked to no company and
 * is hidden from the login page.
 */
public final class ConnectionState {

  /** Provider setting: "true" while the provider is only being tested. */
  public static final String TESTING = "companySso.testing";

  private ConnectionState() {}

  public static boolean isTesting(IdentityProviderModel provider) {
    return "true".equals(provider.getConfig().get(TESTING));
  }
}
