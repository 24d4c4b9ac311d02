package dev.companysso.authenticator.discovery;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.company.CompanyAuthenticatorFactory;
import java.util.List;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** Goes straight to the company's identity provider when the request names the company. */
@AutoService(AuthenticatorFactory.class)
public final class CompanyDeepLinkAuthenticatorFactory extends CompanyAuthenticatorFactory {

  public static final String PROVIDER_ID = "company-deep-link";

  public CompanyDeepLinkAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "Company deep link",
        "Skips the login page when the authorization request names the company (company= or"
            + " kc_company=), carries a login_hint that resolves, or the device remembers a company"
            + " with auto-redirect. Place it as an ALTERNATIVE before the Forms sub-flow.",
        CompanyDiscoveryConfigProperties.DEEP_LINK,
        List.of(Requirement.ALTERNATIVE, Requirement.DISABLED),
        new CompanyDeepLinkAuthenticator());
  }
}
