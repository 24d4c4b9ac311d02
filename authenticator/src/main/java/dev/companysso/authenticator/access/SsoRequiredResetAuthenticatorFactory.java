package dev.companysso.authenticator.access;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.company.CompanyAuthenticatorFactory;
import java.util.List;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** {@code company-sso-required-reset}: no password reset for people whose company requires SSO. */
@AutoService(AuthenticatorFactory.class)
public final class SsoRequiredResetAuthenticatorFactory extends CompanyAuthenticatorFactory {

  public static final String ID = "company-sso-required-reset";

  public SsoRequiredResetAuthenticatorFactory() {
    super(
        ID,
        "Company SSO required (reset)",
        "Sends a person whose company requires its sign-in to the company's identity provider"
            + " instead of a reset e-mail. Put it right after 'Choose User' in the reset"
            + " credentials flow.",
        List.of(),
        List.of(Requirement.REQUIRED, Requirement.DISABLED),
        new SsoRequiredResetAuthenticator());
  }
}
