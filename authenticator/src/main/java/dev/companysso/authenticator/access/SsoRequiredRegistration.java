package dev.companysso.authenticator.access;

import com.google.auto.service.AutoService;
import dev.companysso.core.access.SsoRequired;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.authentication.forms.RegistrationPage;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code company-sso-required-registration}: the registration form refuses an e-mail in the
 * verified domain of a company that requires its sign-in, telling the person to sign in with their
 * company instead (a form step cannot leave the page: {@link SsoRequiredRegistrationEmail}, before
 * the form, sends them; this catches an e-mail changed on the form). It also fills in the e-mail
 * that step asked for.
 */
@AutoService(FormActionFactory.class)
public final class SsoRequiredRegistration implements FormAction, FormActionFactory {

  public static final String ID = "company-sso-required-registration";

  /** The message under the e-mail field. */
  static final String MESSAGE = "companySsoRegistrationUseCompany";

  @Override
  public void validate(ValidationContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    String email = form.getFirst(RegistrationPage.FIELD_EMAIL);
    Optional<OrganizationModel> company =
        SsoRequired.companyFor(context.getSession(), context.getRealm(), null, email);
    if (company.isEmpty()) {
      context.success();
      return;
    }
    context.getEvent().detail(SsoRequiredRedirect.DETAIL, "registration");
    context.error("company_sso_required");
    context.validationError(
        form,
        List.of(new FormMessage(RegistrationPage.FIELD_EMAIL, MESSAGE, company.get().getName())));
  }

  @Override
  public void buildPage(FormContext context, LoginFormsProvider form) {
    String email =
        context.getAuthenticationSession().getAuthNote(SsoRequiredRegistrationEmail.EMAIL_NOTE);
    if (email != null) {
      MultivaluedMap<String, String> filled = new MultivaluedHashMap<>();
      filled.putSingle(RegistrationPage.FIELD_EMAIL, email);
      form.setFormData(filled);
    }
  }

  @Override
  public void success(FormContext context) {
    // nothing to store
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // none
  }

  @Override
  public FormAction create(KeycloakSession session) {
    return this;
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayType() {
    return "Company SSO required (registration)";
  }

  @Override
  public String getReferenceCategory() {
    return null;
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public String getHelpText() {
    return "Refuses registration with an e-mail in the verified domain of a company that requires"
        + " its sign-in.";
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
