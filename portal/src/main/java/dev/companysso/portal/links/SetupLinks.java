package dev.companysso.portal.links;

import dev.companysso.core.SecretTokens;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The setup links of a realm. A link's URL carries a {@link SecretTokens secret}; opening it in a
 * browser gives that browser a second secret (a cookie) and makes it the one browser that holds the
 * link, until it leaves the link unused for {@link #HOLD}: a forwarded or leaked URL is of no use
 * while its admin is at work, and the database decides which of two browsers gets a free link.
 */
public final class SetupLinks {

  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
  public static final Duration LONGEST_LIFETIME = Duration.ofDays(90);

  /** How long a browser keeps a link it has stopped using. */
  public static final Duration HOLD = Duration.ofMinutes(30);

  private static final String LINK_PREFIX = "csso_setup_";
  private static final String BROWSER_PREFIX = "csso_browser_";

  /** A new link and its token, which is shown once, in the link's URL. */
  public record Created(SetupLink link, String token) {}

  /** What opening a link's URL came to. */
  public sealed interface Opening {}

  /** Unknown token (never issued, or its link deleted with its company). */
  public record Unknown() implements Opening {}

  public record Refused(SetupLink link, SetupLink.State state) implements Opening {}

  /** Another browser holds the link and used it less than {@link #HOLD} ago. */
  public record HeldElsewhere(SetupLink link) implements Opening {}

  /** This browser holds the link now; {@code browserSecret} goes into its cookie. */
  public record Opened(SetupLink link, String browserSecret) implements Opening {}

  private final KeycloakSession session;
  private final RealmModel realm;
  private final Clock clock;

  public SetupLinks(KeycloakSession session, RealmModel realm) {
    this(session, realm, Clock.systemUTC());
  }

  SetupLinks(KeycloakSession session, RealmModel realm, Clock clock) {
    this.session = session;
    this.realm = realm;
    this.clock = clock;
  }

  /**
   * @param by the admin creating it, and {@code byRealm} theirs
   */
  public Created create(
      OrganizationModel company,
      Set<Section> sections,
      Instant expires,
      RealmModel byRealm,
      UserModel by) {
    String token = SecretTokens.newToken(LINK_PREFIX);
    long now = clock.millis();
    SetupLinkEntity entity =
        new SetupLinkEntity(
            KeycloakModelUtils.generateId(),
            realm.getId(),
            company.getId(),
            SecretTokens.hash(token),
            SetupLink.stored(sections),
            byRealm.getId(),
            by.getId(),
            now,
            expires.toEpochMilli());
    em().persist(entity);
    return new Created(SetupLink.of(entity), token);
  }

  /** The company's links, newest first. */
  public List<SetupLink> of(OrganizationModel company) {
    return em().createQuery(
            "select l from SetupLinkEntity l where l.realmId = :realm and l.companyId = :company"
                + " order by l.createdAt desc",
            SetupLinkEntity.class)
        .setParameter("realm", realm.getId())
        .setParameter("company", company.getId())
        .getResultStream()
        .map(SetupLink::of)
        .toList();
  }

  /** Revokes one of the company's links; false when the company has no link with that id. */
  public boolean revoke(OrganizationModel company, String id) {
    return entity(id)
        .filter(link -> link.companyId().equals(company.getId()))
        .map(
            link -> {
              if (link.revokedAt() == null) {
                link.revoke(clock.millis());
              }
              return true;
            })
        .orElse(false);
  }

  /**
   * Opens a link from its URL's token in a browser that presents {@code heldSecret} (its cookie for
   * this link, or null).
   */
  public Opening open(String token, String heldSecret) {
    Optional<SetupLinkEntity> found =
        em().createQuery(
                "select l from SetupLinkEntity l where l.tokenHash = :hash and l.realmId = :realm",
                SetupLinkEntity.class)
            .setParameter("hash", SecretTokens.hash(token == null ? "" : token))
            .setParameter("realm", realm.getId())
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return new Unknown();
    }
    SetupLinkEntity entity = found.get();
    SetupLink link = SetupLink.of(entity);
    SetupLink.State state = link.state(clock.instant());
    if (state != SetupLink.State.ACTIVE) {
      return new Refused(link, state);
    }
    if (SecretTokens.matches(entity.browserHash(), heldSecret)) {
      entity.used(clock.millis());
      return new Opened(link, heldSecret);
    }
    String browserSecret = SecretTokens.newToken(BROWSER_PREFIX);
    return take(entity.id(), browserSecret)
        ? new Opened(link, browserSecret)
        : new HeldElsewhere(link);
  }

  /**
   * The active link {@code id} if this browser holds it ({@code browserSecret} from its cookie);
   * each use keeps the hold.
   */
  public Optional<SetupLink> heldBy(String id, String browserSecret) {
    return entity(id)
        .filter(e -> SecretTokens.matches(e.browserHash(), browserSecret))
        .filter(e -> SetupLink.of(e).state(clock.instant()) == SetupLink.State.ACTIVE)
        .map(
            e -> {
              e.used(clock.millis());
              return SetupLink.of(e);
            });
  }

  /** The link is free, or its browser let it go: one conditional update, so one browser wins. */
  private boolean take(String id, String browserSecret) {
    long now = clock.millis();
    return em().createQuery(
                "update SetupLinkEntity l set l.browserHash = :hash, l.lastUsedAt = :now"
                    + " where l.id = :id and (l.browserHash is null or l.lastUsedAt < :released)")
            .setParameter("hash", SecretTokens.hash(browserSecret))
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("released", now - HOLD.toMillis())
            .executeUpdate()
        == 1;
  }

  private Optional<SetupLinkEntity> entity(String id) {
    return Optional.ofNullable(id == null ? null : em().find(SetupLinkEntity.class, id))
        .filter(e -> e.realmId().equals(realm.getId()));
  }

  private EntityManager em() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
