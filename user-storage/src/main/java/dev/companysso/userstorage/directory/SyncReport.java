package dev.companysso.userstorage.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * What one sync run did and, when it did not finish, why. Kept per provider (see {@link
 * SyncRecords}) and answered by the admin endpoint; Keycloak's own sync endpoint gets the counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SyncReport {

  /** How the run ended. */
  public enum Outcome {
    COMPLETED,
    /** The directory could not be read completely, or the settings cannot work: nobody disabled. */
    FAILED,
    /** It would have disabled more users than the safety cap allows: nobody disabled. */
    STOPPED_BY_SAFETY_CAP
  }

  static final int MAX_NOTES = 20;

  public String provider;
  public SyncMode mode;
  public boolean forced;
  public String started = Instant.now().toString();
  public String finished;
  public Outcome outcome;
  public String message;
  public int created;
  public int updated;
  public int reactivated;
  public int disabled;
  public int wouldDisable;
  public int managed;
  public int skippedInactive;
  public int conflicts;
  public int failed;
  public long requests;
  public List<String> notes = new ArrayList<>();

  SyncReport() {}

  SyncReport(String provider, SyncMode mode, boolean forced) {
    this.provider = provider;
    this.mode = mode;
    this.forced = forced;
  }

  /** A user left alone and why (e.g. an account the directory does not own has the username). */
  void conflict(String note) {
    conflicts++;
    note(note);
  }

  void failure(String note) {
    failed++;
    note(note);
  }

  private void note(String note) {
    if (notes.size() < MAX_NOTES) {
      notes.add(note);
    }
  }

  SyncReport end(Outcome how, String why) {
    outcome = how;
    message = why;
    finished = Instant.now().toString();
    return this;
  }

  /**
   * Keycloak's counts. Its "removed" is our disabled (nobody is deleted); a run that failed or
   * stopped counts at least one failure so that the console says to look at the server log.
   */
  public SynchronizationResult toResult() {
    SynchronizationResult result = new SynchronizationResult();
    result.setAdded(created);
    result.setUpdated(updated + reactivated);
    result.setRemoved(disabled);
    int problems = conflicts + failed;
    result.setFailed(
        outcome == Outcome.COMPLETED ? problems : Math.max(1, problems + wouldDisable));
    return result;
  }
}
