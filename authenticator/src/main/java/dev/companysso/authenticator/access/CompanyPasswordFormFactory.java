package dev.companysso.authenticator.access;

import com.google.auto.service.AutoService;
import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

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

  /** None: Keycloak's form answers null here, which the admin console takes as none too. */
  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public String getHelpText() {
    return "Validates a username and password, except for people whose company requires its"
        + " sign-in: they are sent to their company's identity provider.";
  }
}
