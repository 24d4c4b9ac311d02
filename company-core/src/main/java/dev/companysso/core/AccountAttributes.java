package dev.companysso.core;

/** The user attributes one module writes and another reads. */
public final class AccountAttributes {

  /** The id of the company whose SCIM client created the account. */
  public static final String SCIM_OWNER = "companySso.scim";

  /** Set when the company's SCIM client deleted the account and the company keeps it disabled. */
  public static final String SCIM_DELETED = "companySso.scim.deleted";

  private AccountAttributes() {}
}
