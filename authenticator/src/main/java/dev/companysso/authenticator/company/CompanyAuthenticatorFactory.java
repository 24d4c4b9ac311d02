package dev.companysso.authenticator.company;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** What the bundle's authenticator factories share: one stateless, configurable authenticator. */
public abstract class CompanyAuthenticatorFactory implements AuthenticatorFactory {

  private final String id;
  private final String displayType;
  private final String helpText;
  private final List<ProviderConfigProperty> properties;
  private final Requirement[] requirements;
  private final Authenticator authenticator;

  protected CompanyAuthenticatorFactory(
      String id,
      String displayType,
      String helpText,
      List<ProviderConfigProperty> properties,
      List<Requirement> requirements,
      Authenticator authenticator) {
    this.id = id;
    this.displayType = displayType;
    this.helpText = helpText;
    this.properties = properties;
    this.requirements = requirements.toArray(Requirement[]::new);
    this.authenticator = authenticator;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getDisplayType() {
    return displayType;
  }

  @Override
  public String getHelpText() {
    return helpText;
  }

  @Override
  public String getReferenceCategory() {
    return "company-sso";
  }

  @Override
  public boolean isConfigurable() {
    return !properties.isEmpty();
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return properties;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return requirements.clone();
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return authenticator;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
