package dev.companysso.portal.signins;

import dev.companysso.core.Companies;
import dev.companysso.identityproviders.UpstreamError;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Keeps each company's {@link CompanySignIn} from Keycloak's login events: a login through the
 * company's identity provider is a success; an error the provider answered, or that reading its
 * answer met (a refused client secret, a token failing its checks), a failure, unless it concerns
 * one person only. Written in a transaction of its own, so a login never waits on or fails with it,
 * and at most once a minute per node and company while the outcome stays the same.
 */
final class SignInRecorder implements EventListenerProvider {

  static final long QUIET_MILLIS = 60_000;

  private static final Logger LOG = Logger.getLogger(SignInRecorder.class);

  private static final Set<EventType> SUCCESSES =
      EnumSet.of(EventType.LOGIN, EventType.IDENTITY_PROVIDER_LOGIN);

  private static final Set<EventType> FAILURES =
      EnumSet.of(
          EventType.IDENTITY_PROVIDER_LOGIN_ERROR,
          EventType.IDENTITY_PROVIDER_FIRST_LOGIN_ERROR,
          EventType.IDENTITY_PROVIDER_POST_LOGIN_ERROR);

  /**
   * Errors about one person, not the connection: Okta or Entra has not assigned them the app, or
   * they cancelled at their IdP. The provider still works for everyone else.
   */
  private static final Set<String> PERSONAL_ERRORS =
      Set.of(UpstreamError.USER_NOT_ASSIGNED.eventError(), Errors.REJECTED_BY_USER);

  /** What this node last wrote per realm and provider: the outcome and when. */
  record Written(boolean success, long at) {}

  private final KeycloakSessionFactory factory;
  private final Map<String, Written> lastWritten;

  SignInRecorder(KeycloakSessionFactory factory, Map<String, Written> lastWritten) {
    this.factory = factory;
    this.lastWritten = lastWritten;
  }

  static Map<String, Written> newMemory() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public void onEvent(Event event) {
    boolean success = SUCCESSES.contains(event.getType());
    if (!success
        && (!FAILURES.contains(event.getType()) || PERSONAL_ERRORS.contains(event.getError()))) {
      return;
    }
    String alias =
        event.getDetails() == null ? null : event.getDetails().get(Details.IDENTITY_PROVIDER);
    if (alias == null) {
      return;
    }
    String key = event.getRealmId() + "/" + alias;
    long now = event.getTime();
    Written last = lastWritten.get(key);
    if (last != null && last.success() == success && now - last.at() < QUIET_MILLIS) {
      return;
    }
    lastWritten.put(key, new Written(success, now));
    try {
      KeycloakModelUtils.runJobInTransaction(
          factory,
          session -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm == null) {
              return;
            }
            session.getContext().setRealm(realm);
            IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
            if (provider == null) {
              return;
            }
            Companies.ofIdentityProvider(session, realm, provider)
                .ifPresent(
                    company -> {
                      CompanySignIns record = new CompanySignIns(session, realm);
                      if (success) {
                        record.succeeded(company, now);
                      } else {
                        record.failed(company, now, event.getError());
                      }
                    });
          });
    } catch (RuntimeException e) {
      // Two nodes writing a company's first record at once: one wins, the next login updates it.
      LOG.debugf(e, "The sign-in record of provider %s was not written", alias);
    }
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {}

  @Override
  public void close() {}
}
