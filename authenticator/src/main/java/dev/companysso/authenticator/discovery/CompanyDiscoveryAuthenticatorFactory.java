package dev.companysso.authenticator.discovery;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.company.CompanyAuthenticatorFactory;
import java.util.List;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** The Single Sign-On page, reached from the login page's Single Sign-On button. */
@AutoService(AuthenticatorFactory.class)
public final class CompanyDiscoveryAuthenticatorFactory extends CompanyAuthenticatorFactory {

  public static final String PROVIDER_ID = "company-discovery";

  public CompanyDiscoveryAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "Company discovery (Single Sign-On page)",
        "One box for a username, a work e-mail or a company code that leads to the company's"
            + " identity provider. Place it as an ALTERNATIVE after the Forms sub-flow: the login"
            + " page of the company-sso theme then shows a Single Sign-On button that opens it.",
        CompanyDiscoveryConfigProperties.PAGE,
        List.of(Requirement.ALTERNATIVE, Requirement.DISABLED),
        new CompanyDiscoveryAuthenticator());
  }
}
