package dev.companysso.authenticator.access;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * {@code company-password-form}: Keycloak's username and password form that sends people whose
 * company requires its sign-in to their company's identity provider. Use it instead of "Username
 * Password Form" in the browser flow.
 */
@AutoService(AuthenticatorFactory.class)
public final class CompanyPasswordFormFactory extends UsernamePasswordFormFactory {

  public static final String ID = "company-password-form";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return new CompanyPasswordForm(session);
  }

  @Override
  public String getDisplayType() {
    return "Username Password Form (company SSO required)";
  }

  @Override
  public String getHelpText() {
    return "Validates a username and password, except for people whose company requires its"
        + " sign-in: they are sent to their company's identity provider.";
  }
}
