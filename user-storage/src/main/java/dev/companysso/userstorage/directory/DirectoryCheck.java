package dev.companysso.userstorage.directory;

import dev.companysso.userstorage.directory.http.DirectoryReadException;

/** One step of a directory's connection test, with the vendor's answer when it failed. */
public record DirectoryCheck(String name, boolean ok, String message) {

  /** A call that either works or fails with a message. */
  @FunctionalInterface
  public interface Call {
    void run() throws DirectoryReadException;
  }

  /**
   * Runs one call.
   *
   * @param hint what to fix when it fails: the permission or scope the call needs
   */
  public static DirectoryCheck probe(String name, String passed, String hint, Call call) {
    try {
      call.run();
      return new DirectoryCheck(name, true, passed);
    } catch (DirectoryReadException e) {
      return new DirectoryCheck(name, false, e.getMessage() + " " + hint);
    }
  }
}
