package dev.companysso.authenticator.access;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Keycloak's username and password form, except that a person whose company requires its sign-in is
 * sent to the company's identity provider before any password is checked: the password is neither
 * tried nor counted against brute-force protection, and an unknown name in the company's domain is
 * sent the same way as a member, so the answer reveals no account.
 */
final class CompanyPasswordForm extends UsernamePasswordForm {

  CompanyPasswordForm(KeycloakSession session) {
    super(session);
  }

  @Override
  protected boolean validateForm(
      AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
    String entered = formData.getFirst(AuthenticationManager.FORM_USERNAME);
    if (entered != null && !entered.isBlank()) {
      UserModel user =
          KeycloakModelUtils.findUserByNameOrEmail(
              context.getSession(), context.getRealm(), entered.strip());
      if (SsoRequiredRedirect.redirected(context, user, entered.strip(), "password")) {
        return false;
      }
    }
    return super.validateForm(context, formData);
  }
}
