package dev.companysso.simulators;

/**
 * An Okta user as the org keeps it: the profile, plus the lifecycle times (epoch millis) the
 * management API shows; {@code activated} is null until the user is first activated. lastUpdated is
 * the user's stamp in the {@link UserStore}.
 */
record StoredOktaUser(OktaOrg.User user, long created, Long activated, long statusChanged) {

  static StoredOktaUser created(OktaOrg.User user, long at) {
    return new StoredOktaUser(user, at, "STAGED".equals(user.status()) ? null : at, at);
  }

  StoredOktaUser withUser(OktaOrg.User changed) {
    return new StoredOktaUser(changed, created, activated, statusChanged);
  }

  StoredOktaUser withStatus(String status, long at) {
    boolean activating = activated == null && !"STAGED".equals(status);
    return new StoredOktaUser(user.withStatus(status), created, activating ? at : activated, at);
  }
}
