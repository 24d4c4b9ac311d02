package dev.companysso.authenticator.access;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.company.CompanyAuthenticatorFactory;
import java.util.List;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/**
 * {@code company-sso-registration-email}: registration starts with the e-mail, and people whose
 * company requires its sign-in go there.
 */
@AutoService(AuthenticatorFactory.class)
public final class SsoRequiredRegistrationEmailFactory extends CompanyAuthenticatorFactory {

  public static final String ID = "company-sso-registration-email";

  public SsoRequiredRegistrationEmailFactory() {
    super(
        ID,
        "Company SSO required (registration e-mail)",
        "Asks for the e-mail first and sends a person whose company requires its sign-in to the"
            + " company's identity provider; anyone else goes on to the registration form with the"
            + " e-mail filled in. Put it before the registration form in the registration flow.",
        List.of(),
        List.of(Requirement.REQUIRED, Requirement.DISABLED),
        new SsoRequiredRegistrationEmail());
  }
}
