package dev.companysso.userstorage.directory;

import dev.companysso.userstorage.directory.http.DirectoryReadException;
import java.util.List;

/** A company's directory as the sync reads it: every user, the changed ones, a user's groups. */
public interface Directory {

  /** Receives the users page by page, as read; a page is handled before the next is fetched. */
  @FunctionalInterface
  interface PageHandler {
    void handle(List<DirectoryUser> page) throws DirectoryReadException;
  }

  /**
   * Every user, including inactive ones where the API lists them.
   *
   * @return the state from which {@link #readChanges} reads the changes after this read
   */
  String readAll(PageHandler handler) throws DirectoryReadException;

  /**
   * The users changed since the last changed-users sync.
   *
   * @param state what the previous call returned (a Graph delta link), or null
   * @param sinceEpochSeconds Keycloak's time of the last sync (Okta's {@code lastUpdated} filter)
   * @return the state for the next call
   */
  String readChanges(String state, long sinceEpochSeconds, PageHandler handler)
      throws DirectoryReadException;

  /** The group names (Okta) or group object ids (Entra) of a user. */
  List<String> groupsOf(DirectoryUser user) throws DirectoryReadException;

  /** Credentials, then one small read of users and of groups: what a sync needs to work. */
  List<DirectoryCheck> testConnection();

  /** Requests sent so far. */
  long requests();
}
