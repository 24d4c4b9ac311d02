package dev.companysso.operations.webhook;

import dev.companysso.core.events.CompanyEvent;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * A realm's webhook subscriptions: for every company of the realm, or for one. A subscription names
 * the event types it wants (none: all of them) and a URL: {@code https}, or {@code http} to this
 * machine only (a receiver beside Keycloak), so events never cross a network in clear text.
 */
public final class Webhooks {

  /**
   * Realm attribute set while the realm may have subscriptions: realm attributes are cached, so a
   * company event in a realm without any (most) costs no query. The changelog sets it for the
   * realms that had subscriptions before it existed.
   */
  static final String SUBSCRIBED = "companySso.webhooks";

  /** A subscription as the admin API shows it; never its secret. */
  public record Webhook(
      String id,
      String company,
      String url,
      List<String> events,
      String description,
      boolean enabled,
      String createdAt) {}

  /** What an admin sets; null leaves a field as it is on update. */
  public record Settings(
      String url, String company, List<String> events, String description, Boolean enabled) {}

  /** A new subscription and its secret, shown this once. */
  public record Created(Webhook webhook, String secret) {}

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final KeycloakSession session;
  private final RealmModel realm;

  public Webhooks(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  public List<Webhook> list() {
    return em().createQuery(
            "select w from WebhookEntity w where w.realmId = :realm order by w.createdAt",
            WebhookEntity.class)
        .setParameter("realm", realm.getId())
        .getResultStream()
        .map(this::view)
        .toList();
  }

  public Optional<Webhook> get(String id) {
    return entity(id).map(this::view);
  }

  /** Creates a subscription; an {@link IllegalArgumentException} names the field that is wrong. */
  public Created create(Settings settings) {
    if (settings.url() == null) {
      throw new IllegalArgumentException("url: required");
    }
    String companyId = companyId(settings.company());
    WebhookEntity entity =
        new WebhookEntity(
            KeycloakModelUtils.generateId(),
            realm.getId(),
            companyId,
            WebhookSignature.newSecret(),
            Instant.now().toEpochMilli());
    apply(entity, settings, true);
    em().persist(entity);
    realm.setAttribute(SUBSCRIBED, true);
    return new Created(view(entity), entity.secret());
  }

  public Optional<Webhook> update(String id, Settings settings) {
    return entity(id)
        .map(
            entity -> {
              if (settings.company() != null
                  && !java.util.Objects.equals(companyId(settings.company()), entity.companyId())) {
                throw new IllegalArgumentException(
                    "company: a subscription keeps its company; create another one");
              }
              apply(entity, settings, entity.enabled());
              return view(entity);
            });
  }

  /** Gives the subscription a new secret, answered this once; the old one stops at once. */
  public Optional<String> rotateSecret(String id) {
    return entity(id)
        .map(
            entity -> {
              entity.secret(WebhookSignature.newSecret());
              return entity.secret();
            });
  }

  /** Removes the subscription and its delivery log. */
  public boolean delete(String id) {
    Optional<WebhookEntity> entity = entity(id);
    entity.ifPresent(
        found -> {
          new WebhookDeliveries(session, realm).forget(found.id());
          em().remove(found);
          if (list().isEmpty()) {
            realm.removeAttribute(SUBSCRIBED);
          }
        });
    return entity.isPresent();
  }

  /** The enabled subscriptions that want {@code type} from {@code company}. */
  List<WebhookEntity> subscribedTo(OrganizationModel company, String type) {
    if (!realm.getAttribute(SUBSCRIBED, false)) {
      return List.of();
    }
    return em().createQuery(
            "select w from WebhookEntity w where w.realmId = :realm and w.enabled = true"
                + " and (w.companyId is null or w.companyId = :company)",
            WebhookEntity.class)
        .setParameter("realm", realm.getId())
        .setParameter("company", company.getId())
        .getResultStream()
        .filter(w -> w.eventTypes().isEmpty() || events(w).contains(type))
        .toList();
  }

  /** Removes what a realm that is gone subscribed. */
  static void forgetRealm(EntityManager em, String realmId) {
    forget(em, "w.realmId", realmId);
  }

  /** Removes what a company that is gone subscribed. */
  static void forgetCompany(EntityManager em, String companyId) {
    forget(em, "w.companyId", companyId);
  }

  private static void forget(EntityManager em, String field, String value) {
    List<String> ids =
        em.createQuery(
                "select w.id from WebhookEntity w where " + field + " = :value", String.class)
            .setParameter("value", value)
            .getResultList();
    if (!ids.isEmpty()) {
      em.createQuery("delete from WebhookDeliveryEntity d where d.webhookId in :ids")
          .setParameter("ids", ids)
          .executeUpdate();
      em.createQuery("delete from WebhookEntity w where w.id in :ids")
          .setParameter("ids", ids)
          .executeUpdate();
    }
  }

  private void apply(WebhookEntity entity, Settings settings, boolean enabledNow) {
    String url = settings.url() != null ? checkedUrl(settings.url()) : entity.url();
    List<String> events = settings.events() != null ? checked(settings.events()) : events(entity);
    String description =
        settings.description() != null ? settings.description().strip() : entity.description();
    if (description != null && description.length() > 255) {
      throw new IllegalArgumentException("description: at most 255 characters");
    }
    entity.settings(
        url,
        String.join(",", events),
        description,
        settings.enabled() != null ? settings.enabled() : enabledNow);
  }

  private static String checkedUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url: '" + url + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !Set.of("https", "http").contains(scheme)) {
      throw new IllegalArgumentException("url: an https:// address is needed");
    }
    if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "url: http:// is only for a receiver on this machine (localhost); use https://");
    }
    if (uri.toString().length() > 2000) {
      throw new IllegalArgumentException("url: at most 2000 characters");
    }
    return uri.toString();
  }

  private static List<String> checked(List<String> events) {
    for (int i = 0; i < events.size(); i++) {
      if (!CompanyEvent.TYPES.contains(events.get(i))) {
        throw new IllegalArgumentException(
            "events["
                + i
                + "]: '"
                + events.get(i)
                + "' is not an event type; the types: "
                + String.join(", ", CompanyEvent.TYPES));
      }
    }
    return events.stream().distinct().toList();
  }

  private String companyId(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    OrganizationModel company = session.getProvider(OrganizationProvider.class).getByAlias(code);
    if (company == null) {
      throw new IllegalArgumentException("company: no company '" + code + "' in this realm");
    }
    return company.getId();
  }

  private Webhook view(WebhookEntity entity) {
    String company = null;
    if (entity.companyId() != null) {
      OrganizationModel model =
          session.getProvider(OrganizationProvider.class).getById(entity.companyId());
      company = model == null ? null : model.getAlias();
    }
    return new Webhook(
        entity.id(),
        company,
        entity.url(),
        events(entity),
        entity.description(),
        entity.enabled(),
        Instant.ofEpochMilli(entity.createdAt()).toString());
  }

  private static List<String> events(WebhookEntity entity) {
    return entity.eventTypes() == null || entity.eventTypes().isEmpty()
        ? List.of()
        : Arrays.asList(entity.eventTypes().split(","));
  }

  private Optional<WebhookEntity> entity(String id) {
    return Optional.ofNullable(em().find(WebhookEntity.class, id))
        .filter(entity -> entity.realmId().equals(realm.getId()));
  }

  private EntityManager em() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
