package dev.companysso.authenticator.access;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.core.access.AppAccess;
import java.util.Locale;
import org.keycloak.events.EventBuilder;

/** How a refusal of access, at a login or a refresh, is recorded. */
final class AppAccessRefusal {

  /** The event error of a refusal. */
  static final String ERROR = "company_sso_app_not_allowed";

  /** The event detail saying why: company-not-admitted or role-required. */
  static final String REASON = "company_sso_refusal";

  private AppAccessRefusal() {}

  /** Names the company and the reason on the event, which the caller then sends as an error. */
  static EventBuilder describe(EventBuilder event, AppAccess.Verdict verdict) {
    return event
        .detail(CompanyEventDetails.COMPANY, verdict.company().getAlias())
        .detail(
            REASON,
            verdict.refusal().orElseThrow().name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
