package dev.companysso.authenticator.jit;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.company.CompanyAuthenticatorFactory;
import dev.companysso.core.CompanyRoles;
import java.util.List;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;

/** First-login provisioning for the first broker login flow. */
@AutoService(AuthenticatorFactory.class)
public final class CompanyJitProvisioningAuthenticatorFactory extends CompanyAuthenticatorFactory {

  public static final String PROVIDER_ID = "company-jit-provisioning";

  public CompanyJitProvisioningAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "Company JIT provisioning",
        "Creates the user on first login through a company's identity provider, with the"
            + " company's default roles and membership; links an existing account only when safe."
            + " Use instead of 'Create User If Unique' in the first broker login flow.",
        JitProvisioningConfigProperties.ALL,
        List.of(Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED),
        new CompanyJitProvisioningAuthenticator());
  }

  /** A person who leaves a company keeps none of the roles they held in it. */
  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(
        event -> {
          if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent left) {
            CompanyRoles.forget(left.getUser(), left.getOrganization());
          }
        });
  }
}
