package dev.companysso.userstorage.directory.http;

/**
 * The directory could not be read completely: the message names the call, the answer and what to
 * do, fit for an admin. A sync that meets one stops reading and disables nobody.
 */
public final class DirectoryReadException extends Exception {

  public DirectoryReadException(String message) {
    super(message);
  }

  public DirectoryReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
