package dev.companysso.authenticator.access;

import com.google.auto.service.AutoService;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * {@code company-app-access}: the client-policy executor that checks a refresh against the company
 * access policy. A realm turns it on with a client profile holding it and a policy for any client
 * (the demo realm does; docs/access-policy.md).
 */
@AutoService(ClientPolicyExecutorProviderFactory.class)
public final class CompanyAppAccessExecutorFactory implements ClientPolicyExecutorProviderFactory {

  public static final String ID = "company-app-access";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public ClientPolicyExecutorProvider create(KeycloakSession session) {
    return new CompanyAppAccessExecutor(session);
  }

  @Override
  public String getHelpText() {
    return "Refuses a token refresh when the user's company may not use the client, or the user"
        + " lacks the role their company requires for it.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public void init(Config.Scope config) {
    // no server-wide settings
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // nothing to wire
  }

  @Override
  public void close() {
    // nothing held
  }
}
