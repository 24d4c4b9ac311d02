package dev.companysso.userstorage.scim;

/** Where SCIM user fields live on a Keycloak user that has no field of its own for them. */
final class UserFields {

  /** The userName as sent (Keycloak lower-cases usernames; SCIM returns what it was given). */
  static final String USER_NAME = "companySso.scim.userName";

  static final String DISPLAY_NAME = "companySso.scim.displayName";
  static final String MANAGER = "companySso.scim.manager";
  static final String LAST_MODIFIED = "companySso.scim.lastModified";

  /** Attribute names shared with the realm export's user profile and directory sync. */
  static final String MIDDLE_NAME = "middleName";

  static final String NICKNAME = "preferredName";
  static final String TITLE = "title";
  static final String DEPARTMENT = "department";
  static final String EMPLOYEE_NUMBER = "employeeNumber";
  static final String COST_CENTER = "costCenter";
  static final String DIVISION = "division";
  static final String ORGANIZATION = "companySso.scim.organization";

  private UserFields() {}
}
