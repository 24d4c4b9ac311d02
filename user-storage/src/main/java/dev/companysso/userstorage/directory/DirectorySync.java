package dev.companysso.userstorage.directory;

import dev.companysso.core.AccountDeactivation;
import dev.companysso.core.Companies;
import dev.companysso.core.CompanyGroupRules;
import dev.companysso.core.CompanyMetrics;
import dev.companysso.core.CompanyOwnership;
import dev.companysso.core.events.CompanyEvent;
import dev.companysso.userstorage.directory.http.DirectoryReadException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One sync run of one directory provider. The directory is read page by page, each page imported in
 * its own transaction (memory stays flat however large the directory). Disabling waits until the
 * read is complete: a read that fails part-way disables nobody, and a run that would disable more
 * than the safety cap allows stops unless forced. A full run stamps every user it lists as active
 * and afterwards disables the managed users left unstamped (gone, inactive, or out of the group
 * filter); a changed-users run disables those the change feed reports inactive or removed.
 *
 * <p>One run per provider at a time in the whole cluster, whoever starts it: Keycloak's periodic
 * task holds its own lock for only {@code max(30 s, period)}, so a run longer than that would meet
 * the next one another node starts; runs here hold a lock of their own for as long as they last.
 */
public final class DirectorySync {

  /** Users disabled per transaction. */
  static final int BATCH = 200;

  /**
   * Users imported per transaction. Hibernate checks every entity of a transaction for changes
   * before each query, so a transaction of a whole Graph page (999 users) costs quadratically.
   */
  static final int TRANSACTION_SIZE = 50;

  private static final int REPORT_ATTEMPTS = 5;

  /**
   * How long a run's lock may live. It is released when the run ends, and by Keycloak when the node
   * running it leaves the cluster (a crash included); the limit only frees a provider from a node
   * that hangs without leaving.
   */
  static final int LOCK_SECONDS = 6 * 3600;

  private static final Logger LOG = Logger.getLogger(DirectorySync.class);

  private final KeycloakSessionFactory sessionFactory;
  private final String realmId;
  private final String componentId;
  private final DirectoryProviderFactory vendor;

  public DirectorySync(
      KeycloakSessionFactory sessionFactory,
      String realmId,
      String componentId,
      DirectoryProviderFactory vendor) {
    this.sessionFactory = sessionFactory;
    this.realmId = realmId;
    this.componentId = componentId;
    this.vendor = vendor;
  }

  /**
   * Runs unless another run of this provider is under way anywhere in the cluster.
   *
   * @param sinceEpochSeconds Keycloak's last sync time, for a changed-users run without a kept
   *     state
   * @param force disable past the safety cap
   * @return the report, or empty when another run holds the provider
   */
  public Optional<SyncReport> run(SyncMode mode, long sinceEpochSeconds, boolean force) {
    return run(mode, sinceEpochSeconds, force, () -> {});
  }

  /**
   * Starts a run on {@code executor}. The answer completes with true once the run holds the
   * provider and its start is recorded (a page read after that shows it under way), with false when
   * another run holds the provider.
   */
  public CompletableFuture<Boolean> start(
      Executor executor, SyncMode mode, long sinceEpochSeconds, boolean force) {
    CompletableFuture<Boolean> started = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            if (run(mode, sinceEpochSeconds, force, () -> started.complete(true)).isEmpty()) {
              started.complete(false);
            }
          } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
          }
        });
    return started;
  }

  private Optional<SyncReport> run(
      SyncMode mode, long sinceEpochSeconds, boolean force, Runnable onStart) {
    // A session only for the lock: the run opens a short transaction per step.
    try (KeycloakSession session = sessionFactory.create()) {
      ExecutionResult<SyncReport> result =
          session
              .getProvider(ClusterProvider.class)
              .executeIfNotExecuted(
                  "company-sso-directory::" + componentId,
                  LOCK_SECONDS,
                  () -> runLocked(mode, sinceEpochSeconds, force, onStart));
      if (!result.isExecuted()) {
        LOG.infof(
            "Directory sync %s (%s) not started: another run of it is under way",
            componentId, mode);
        return Optional.empty();
      }
      return Optional.of(result.getResult());
    }
  }

  private SyncReport runLocked(
      SyncMode mode, long sinceEpochSeconds, boolean force, Runnable onStart) {
    long started = System.nanoTime();
    ComponentModel model =
        inTransaction(
            (session, realm) -> {
              SyncRecords.markRunning(realm, componentId, Instant.now());
              return realm.getComponent(componentId);
            });
    onStart.run();
    SyncReport report = new SyncReport(model.getName(), mode, force);
    try {
      report = read(model, mode, sinceEpochSeconds, report);
    } catch (RuntimeException e) {
      // A bug or a database failure: reported like a failed read, with the cause in the log.
      LOG.errorf(e, "Directory sync '%s' (%s) failed", model.getName(), mode);
      report.end(SyncReport.Outcome.FAILED, "Unexpected error: " + e + ". See the server log.");
    }
    SyncReport finished = report;
    log(finished);
    saveReport(finished);
    CompanyMetrics.directorySync(
        finished.outcome.name().toLowerCase(Locale.ROOT),
        Duration.ofNanos(System.nanoTime() - started));
    return finished;
  }

  /**
   * Keeps the report even when the run failed because the database went away: after a restart of
   * the database the pool still holds connections the server closed, and each attempt that meets
   * one discards it, so a few attempts a second apart reach a live one.
   */
  private void saveReport(SyncReport finished) {
    for (int attempt = 1; ; attempt++) {
      try {
        inTransaction(
            (session, realm) -> {
              SyncRecords.saveReport(realm, componentId, finished);
              if (finished.outcome != SyncReport.Outcome.COMPLETED) {
                raiseFailure(session, realm, finished);
              }
              return null;
            });
        return;
      } catch (RuntimeException e) {
        if (attempt == REPORT_ATTEMPTS) {
          LOG.errorf(e, "Directory sync '%s': the report could not be saved", finished.provider);
          return;
        }
        LOG.warnf(
            "Directory sync '%s': saving the report failed (%s); trying again",
            finished.provider, e.getMessage());
        sleep(Duration.ofSeconds(attempt));
      }
    }
  }

  /** Tells the company's listeners, found by the sign-in named even when other settings fail. */
  private void raiseFailure(KeycloakSession session, RealmModel realm, SyncReport finished) {
    ComponentModel component = realm.getComponent(componentId);
    IdentityProviderModel provider =
        component == null
            ? null
            : session
                .identityProviders()
                .getByAlias(component.get(DirectoryConfig.IDENTITY_PROVIDER, "").strip());
    if (provider == null) {
      return;
    }
    Companies.ofIdentityProvider(session, realm, provider)
        .ifPresent(
            company ->
                CompanyEvent.raise(
                    session,
                    realm,
                    company,
                    CompanyEvent.SYNC_FAILED,
                    null,
                    Map.of(
                        "directory", finished.provider,
                        "outcome", finished.outcome.name(),
                        "message", String.valueOf(finished.message))));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a run needs before it reads: the API, whether to read groups, the change-feed state. */
  private record Setup(
      DirectoryConfig config, Directory directory, boolean readGroups, String state) {}

  /**
   * Sets the run up in one short transaction; the read itself holds no session or transaction, so a
   * run of any length never meets Keycloak's transaction timeout.
   */
  private SyncReport read(ComponentModel model, SyncMode mode, long since, SyncReport report) {
    Setup setup;
    try {
      setup =
          inTransaction(
              (session, realm) -> {
                DirectoryConfig config = vendor.config(session, model);
                boolean rules =
                    !CompanyGroupRules.of(session, config.identityProvider().getAlias()).isEmpty();
                return new Setup(
                    config,
                    vendor.open(session, config),
                    rules || !config.groupFilter().isEmpty(),
                    SyncRecords.state(realm, componentId));
              });
    } catch (IllegalArgumentException e) {
      return report.end(SyncReport.Outcome.FAILED, "Settings: " + e.getMessage());
    }
    DirectoryConfig config = setup.config();
    Directory directory = setup.directory();
    boolean readGroups = setup.readGroups();
    String runId = mode == SyncMode.FULL ? UUID.randomUUID().toString() : null;
    Map<String, String> toDisable = new LinkedHashMap<>();
    Directory.PageHandler handler =
        page ->
            importPage(withGroups(directory, page, readGroups), model, runId, toDisable, report);
    String state;
    try {
      state =
          mode == SyncMode.FULL
              ? directory.readAll(handler)
              : directory.readChanges(setup.state(), since, handler);
    } catch (DirectoryReadException e) {
      report.requests = directory.requests();
      return report.end(SyncReport.Outcome.FAILED, e.getMessage());
    }
    report.requests = directory.requests();
    report.managed = scanManaged(runId, toDisable);
    report.wouldDisable = toDisable.size();
    if (!report.forced && config.capReached(toDisable.size(), report.managed)) {
      return report.end(
          SyncReport.Outcome.STOPPED_BY_SAFETY_CAP,
          "Stopped: this run would disable "
              + toDisable.size()
              + " of the "
              + report.managed
              + " users this provider manages, more than the safety cap ("
              + config.safetyCapPercent()
              + "% beyond "
              + config.safetyCapAllowance()
              + " users). Nobody was disabled. Check the directory, then run again with"
              + " force=true to apply it.");
    }
    disable(toDisable, report);
    inTransaction(
        (session, r) -> {
          SyncRecords.saveState(r, componentId, state);
          return null;
        });
    return report.end(SyncReport.Outcome.COMPLETED, null);
  }

  /** Reads the groups of the page's users before the page's transaction opens. */
  private static List<DirectoryUser> withGroups(
      Directory directory, List<DirectoryUser> page, boolean readGroups)
      throws DirectoryReadException {
    if (!readGroups) {
      return page;
    }
    List<DirectoryUser> users = new ArrayList<>(page.size());
    for (DirectoryUser user : page) {
      users.add(
          DirectoryUser.REMOVED.equals(user.status())
              ? user
              : user.withGroups(directory.groupsOf(user)));
    }
    return users;
  }

  private void importPage(
      List<DirectoryUser> page,
      ComponentModel model,
      String runId,
      Map<String, String> toDisable,
      SyncReport report) {
    for (int from = 0; from < page.size(); from += TRANSACTION_SIZE) {
      importChunk(
          page.subList(from, Math.min(page.size(), from + TRANSACTION_SIZE)),
          model,
          runId,
          toDisable,
          report);
    }
  }

  private void importChunk(
      List<DirectoryUser> chunk,
      ComponentModel model,
      String runId,
      Map<String, String> toDisable,
      SyncReport report) {
    inTransaction(
        (session, realm) -> {
          DirectoryConfig config = vendor.config(session, model);
          DirectoryAccounts accounts =
              new DirectoryAccounts(
                  session,
                  realm,
                  config,
                  CompanyGroupRules.of(session, config.identityProvider().getAlias()),
                  report);
          for (DirectoryUser listed : chunk) {
            List<String> inactive = new ArrayList<>(1);
            accounts.apply(listed, effectiveActivity(config, listed), runId, inactive);
            inactive.forEach(id -> toDisable.putIfAbsent(id, reason(listed)));
          }
          return null;
        });
  }

  /** Active per the vendor's status, and inside the group filter when there is one. */
  private Boolean effectiveActivity(DirectoryConfig config, DirectoryUser listed) {
    Boolean active = vendor.isActive(config, listed.status());
    if (Boolean.TRUE.equals(active)
        && !config.groupFilter().isEmpty()
        && listed.groups() != null
        && listed.groups().stream().noneMatch(config.groupFilter()::contains)) {
      return false;
    }
    return active;
  }

  private static String reason(DirectoryUser listed) {
    return DirectoryUser.REMOVED.equals(listed.status())
        ? "removed from the directory"
        : "directory status " + listed.status() + " or outside the group filter";
  }

  /**
   * Counts the users this provider manages; after a full read, adds the enabled ones the read did
   * not stamp as active to {@code toDisable}.
   */
  private int scanManaged(String runId, Map<String, String> toDisable) {
    return inTransaction(
        (session, realm) -> {
          if (runId != null) {
            ManagedUsers.unconfirmed(session, realm, componentId, runId)
                .forEach(
                    id -> toDisable.putIfAbsent(id, "not listed as active by the last full sync"));
          }
          return (int) ManagedUsers.count(session, realm, componentId);
        });
  }

  private void disable(Map<String, String> toDisable, SyncReport report) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(toDisable.entrySet());
    for (int from = 0; from < entries.size(); from += BATCH) {
      List<Map.Entry<String, String>> chunk =
          entries.subList(from, Math.min(entries.size(), from + BATCH));
      inTransaction(
          (session, realm) -> {
            OrganizationModel company =
                vendor.config(session, realm.getComponent(componentId)).company();
            for (Map.Entry<String, String> entry : chunk) {
              UserModel user = session.users().getUserById(realm, entry.getKey());
              if (user != null && !CompanyOwnership.owns(session, realm, company, user)) {
                report.conflict(
                    user.getUsername() + ": not an account of this company alone; not disabled");
              } else if (user != null && user.isEnabled()) {
                AccountDeactivation.disable(session, realm, company, user, entry.getValue());
                report.disabled++;
              }
            }
            return null;
          });
    }
  }

  private interface RealmJob<T> {
    T run(KeycloakSession session, RealmModel realm);
  }

  private <T> T inTransaction(RealmJob<T> job) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        sessionFactory,
        session -> {
          RealmModel realm = session.realms().getRealm(realmId);
          session.getContext().setRealm(realm);
          return job.run(session, realm);
        });
  }

  private static void log(SyncReport report) {
    String counts =
        String.format(
            "created %d, updated %d, reactivated %d, disabled %d, conflicts %d, failed %d,"
                + " requests %d",
            report.created,
            report.updated,
            report.reactivated,
            report.disabled,
            report.conflicts,
            report.failed,
            report.requests);
    if (report.outcome == SyncReport.Outcome.COMPLETED) {
      LOG.infof("Directory sync '%s' (%s) completed: %s", report.provider, report.mode, counts);
    } else {
      LOG.warnf(
          "Directory sync '%s' (%s) %s: %s (%s)",
          report.provider, report.mode, report.outcome, report.message, counts);
    }
  }
}
