package dev.companysso.authenticator.access;

import dev.companysso.authenticator.company.StepBeforeUser;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.forms.RegistrationPage;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;

/**
 * The first step of registration: the person's e-mail. Someone whose company requires its sign-in
 * goes to the company's identity provider from here (the registration form itself cannot leave its
 * page); anyone else goes on to Keycloak's registration form with the e-mail filled in ({@link
 * SsoRequiredRegistration} checks it again there, in case it is changed).
 */
final class SsoRequiredRegistrationEmail extends StepBeforeUser {

  /** Auth note: the e-mail entered, for the registration form. */
  static final String EMAIL_NOTE = "companySso.registrationEmail";

  static final String TEMPLATE = "company-sso-register-email.ftl";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    context.challenge(
        context
            .form()
            .setAttribute(
                "companySsoRegisterEmail",
                context.getAuthenticationSession().getAuthNote(EMAIL_NOTE))
            .createForm(TEMPLATE));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    String email = form.getFirst(RegistrationPage.FIELD_EMAIL);
    email = email == null ? "" : email.strip();
    if (!Validation.isEmailValid(email)) {
      context.challenge(
          context
              .form()
              .setAttribute("companySsoRegisterEmail", email)
              .setErrors(
                  List.of(new FormMessage(RegistrationPage.FIELD_EMAIL, "invalidEmailMessage")))
              .createForm(TEMPLATE));
      return;
    }
    if (SsoRequiredRedirect.redirected(context, null, email, "registration")) {
      return;
    }
    context.getAuthenticationSession().setAuthNote(EMAIL_NOTE, email);
    context.success();
  }
}
