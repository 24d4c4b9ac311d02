package dev.companysso.userstorage.directory;

/** A full read of the directory, or only what changed since the last run. */
public enum SyncMode {
  FULL,
  CHANGED
}
