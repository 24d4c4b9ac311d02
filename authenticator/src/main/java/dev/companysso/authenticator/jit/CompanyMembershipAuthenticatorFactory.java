package dev.companysso.authenticator.jit;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.company.CompanyAuthenticatorFactory;
import java.util.List;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** Company membership for an existing account linked through Keycloak's own steps. */
@AutoService(AuthenticatorFactory.class)
public final class CompanyMembershipAuthenticatorFactory extends CompanyAuthenticatorFactory {

  public static final String PROVIDER_ID = "company-membership";

  public CompanyMembershipAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "Company membership",
        "Makes the user a member of the company (organization) that owns the identity provider."
            + " Put it after 'Verify existing account by re-authentication' in the first broker"
            + " login flow.",
        List.of(),
        List.of(Requirement.REQUIRED, Requirement.DISABLED),
        new CompanyMembershipAuthenticator());
  }
}
