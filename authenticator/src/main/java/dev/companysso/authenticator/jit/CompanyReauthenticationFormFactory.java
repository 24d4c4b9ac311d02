package dev.companysso.authenticator.jit;

import com.google.auto.service.AutoService;
import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.broker.IdpUsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code company-reauthentication-form}: use instead of "Username Password Form for identity
 * provider reauthentication" in the first broker login flow.
 */
@AutoService(AuthenticatorFactory.class)
public final class CompanyReauthenticationFormFactory extends IdpUsernamePasswordFormFactory {

  public static final String ID = "company-reauthentication-form";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return new CompanyReauthenticationForm(session);
  }

  @Override
  public String getDisplayType() {
    return "Confirm the account (password or a linked company sign-in)";
  }

  /** None, as the form it extends. */
  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public String getHelpText() {
    return "Asks the person to prove the existing account before linking it: with its password, or"
        + " through a company sign-in already linked to it.";
  }
}
