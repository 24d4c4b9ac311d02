package dev.companysso.portal.health;

import dev.companysso.core.CompanyMetrics;
import dev.companysso.core.CompanyRoles;
import dev.companysso.core.DefaultRoles;
import dev.companysso.portal.PortalEvents;
import dev.companysso.userstorage.scim.ScimTokens;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.theme.Theme;

/**
 * Warns before a company's credentials expire: its client secret (the date the company entered) and
 * its SCIM token (older than the realm allows). Each warning goes once, a set number of days
 * before, by e-mail through the realm's mail settings to the company's Owners and to vendor staff
 * (holders of realm-management's manage-organizations or manage-realm), in each one's language, and
 * as an admin event and a metric.
 */
public final class ExpiryWarnings {

  /** Realm attribute: days before an expiry that the warning goes out (default 30). */
  public static final String WARNING_DAYS_ATTRIBUTE = "companySso.expiryWarningDays";

  /** Realm attribute: the age in days at which a SCIM token counts as expiring (default 365). */
  public static final String SCIM_TOKEN_MAX_AGE_ATTRIBUTE = "companySso.scimTokenMaxAgeDays";

  private static final Logger LOG = Logger.getLogger(ExpiryWarnings.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** A credential that expires, and when. */
  public record Expiry(String what, Instant expires) {

    String key() {
      return what + ":" + expires.toEpochMilli();
    }
  }

  private final KeycloakSession session;
  private final RealmModel realm;

  public ExpiryWarnings(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** The company's credentials that expire within the warning days (or have expired). */
  public List<Expiry> due(OrganizationModel company, ConnectionHealth health, Instant now) {
    Instant horizon = now.plus(Duration.ofDays(days(WARNING_DAYS_ATTRIBUTE, 30)));
    List<Expiry> due = new ArrayList<>();
    health
        .secretExpires()
        .filter(expires -> expires.isBefore(horizon))
        .ifPresent(expires -> due.add(new Expiry("client-secret", expires)));
    ScimTokens.created(realm, company)
        .map(created -> created.plus(Duration.ofDays(days(SCIM_TOKEN_MAX_AGE_ATTRIBUTE, 365))))
        .filter(expires -> expires.isBefore(horizon))
        .ifPresent(expires -> due.add(new Expiry("scim-token", expires)));
    return due;
  }

  /** Sends each due warning not sent before; a warning nobody could receive is tried again. */
  public void send(OrganizationModel company, Instant now) {
    ConnectionHealths healths = new ConnectionHealths(session, realm);
    for (Expiry expiry : due(company, healths.of(company), now)) {
      if (healths.warned(company, expiry.key())) {
        continue;
      }
      int sent = 0;
      for (UserModel recipient : recipients(company)) {
        if (mail(recipient, company, expiry)) {
          sent++;
        }
      }
      if (sent > 0) {
        healths.warnedNow(company, expiry.key());
        CompanyMetrics.expiryWarning(expiry.what());
        PortalEvents.raised(
            session,
            realm,
            company.getAlias(),
            "health/expiry-warning",
            Map.of("what", expiry.what(), "expires", DAY.format(expiry.expires()), "sentTo", sent));
        LOG.infof(
            "Health: warned %d people that the %s of company %s in realm %s expires on %s",
            sent, expiry.what(), company.getAlias(), realm.getName(), DAY.format(expiry.expires()));
      }
    }
  }

  private List<UserModel> recipients(OrganizationModel company) {
    Map<String, UserModel> people = new LinkedHashMap<>();
    RoleModel owner = realm.getRole(DefaultRoles.OWNER);
    if (owner != null) {
      session
          .getProvider(OrganizationProvider.class)
          .getMembersStream(company, (String) null, null, -1, -1)
          .filter(user -> CompanyRoles.holds(realm, user, company, owner))
          .forEach(user -> people.putIfAbsent(user.getId(), user));
    }
    ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    if (management != null) {
      Stream.of("manage-organizations", "manage-realm")
          .map(management::getRole)
          .filter(role -> role != null)
          .flatMap(role -> session.users().getRoleMembersStream(realm, role))
          .forEach(user -> people.putIfAbsent(user.getId(), user));
    }
    return people.values().stream()
        .filter(UserModel::isEnabled)
        .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .toList();
  }

  private boolean mail(UserModel recipient, OrganizationModel company, Expiry expiry) {
    Locale locale = locale(recipient);
    Properties messages;
    try {
      messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
    } catch (java.io.IOException e) {
      LOG.warnf(e, "Health: no messages for %s; warning not sent", locale);
      return false;
    }
    String date = DAY.format(expiry.expires());
    String subject =
        format(
            messages,
            locale,
            "companySsoHealthMailSubject." + expiry.what(),
            company.getName(),
            date);
    String body =
        format(
            messages,
            locale,
            "companySsoHealthMailBody." + expiry.what(),
            company.getName(),
            company.getAlias(),
            date);
    try {
      session
          .getProvider(EmailSenderProvider.class)
          .send(realm.getSmtpConfig(), recipient.getEmail(), subject, body, null);
      return true;
    } catch (EmailException e) {
      LOG.warnf(
          "Health: the expiry warning to %s could not be sent: %s",
          recipient.getUsername(), e.getMessage());
      return false;
    }
  }

  private Locale locale(UserModel user) {
    String tag =
        Optional.ofNullable(user.getFirstAttribute(UserModel.LOCALE))
            .orElse(Optional.ofNullable(realm.getDefaultLocale()).orElse("en"));
    return Locale.forLanguageTag(tag);
  }

  private static String format(Properties messages, Locale locale, String key, Object... args) {
    return new MessageFormat(messages.getProperty(key, key), locale).format(args);
  }

  private int days(String attribute, int fallback) {
    try {
      String value = realm.getAttribute(attribute);
      return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
