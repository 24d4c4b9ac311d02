package dev.companysso.simulators;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group memberships, app-role assignments and mail addresses changed while a simulator runs, as an
 * admin changes them in the vendor's console; the next token carries them. Keyed by the vendor's
 * user id.
 */
final class AssignmentChanges {

  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  private final Map<String, List<String>> appRoles = new ConcurrentHashMap<>();
  private final Map<String, String> mails = new ConcurrentHashMap<>();

  void setGroups(String userId, List<String> names) {
    groups.put(userId, List.copyOf(names));
  }

  void setAppRoles(String userId, List<String> roles) {
    appRoles.put(userId, List.copyOf(roles));
  }

  void setMail(String userId, String mail) {
    mails.put(userId, mail);
  }

  OktaOrg.User applyTo(OktaOrg.User user) {
    List<String> changed = groups.get(user.id());
    return changed == null ? user : user.withGroups(changed);
  }

  EntraTenant.User applyTo(EntraTenant.User user) {
    return user.withChanges(
        groups.getOrDefault(user.objectId(), user.groups()),
        appRoles.getOrDefault(user.objectId(), user.appRoles()),
        mails.getOrDefault(user.objectId(), user.mail()));
  }
}
