package dev.companysso.simulators;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The users of one Okta org or Entra tenant as an admin changes them while a simulator runs. Every
 * change gets a new stamp (Okta: lastUpdated in epoch millis, Entra: a version), and a removed user
 * leaves a tombstone in the change log, so listings and delta queries page by key lookups instead
 * of scans: users by id, the change log by (stamp, id), each group's members by id. Writers
 * serialize on this object; readers walk the concurrent maps without a lock.
 */
final class UserStore<U> {

  /** A user, or the tombstone of a removed one ({@code user} null), as of change {@code stamp}. */
  record Entry<U>(String id, U user, long stamp) {
    boolean removed() {
      return user == null;
    }

    Position position() {
      return new Position(stamp, id);
    }
  }

  /** A place in the change log; {@code at(stamp)} lies just before the first change of a stamp. */
  record Position(long stamp, String id) implements Comparable<Position> {
    private static final Comparator<Position> ORDER =
        Comparator.comparingLong(Position::stamp).thenComparing(Position::id);

    /** Before every change. */
    static final Position START = at(Long.MIN_VALUE);

    static Position at(long stamp) {
      return new Position(stamp, "");
    }

    @Override
    public int compareTo(Position other) {
      return ORDER.compare(this, other);
    }
  }

  private final Function<U, String> idOf;
  private final Function<U, String> usernameOf;
  private final Function<U, List<String>> groupsOf;
  private final LongUnaryOperator nextStamp;
  private final ConcurrentNavigableMap<String, Entry<U>> byId = new ConcurrentSkipListMap<>();
  private final Map<String, String> idByUsername = new ConcurrentHashMap<>();
  private final ConcurrentNavigableMap<Position, Entry<U>> changeLog =
      new ConcurrentSkipListMap<>();
  private final Map<String, NavigableSet<String>> membersByGroup = new ConcurrentHashMap<>();
  private final Map<String, Position> tombstones = new ConcurrentHashMap<>();
  private long lastStamp;

  /**
   * @param initialStamp the stamp of the data file's users
   * @param nextStamp the stamp of the next change, from the last one; must grow
   */
  UserStore(
      Function<U, String> idOf,
      Function<U, String> usernameOf,
      Function<U, List<String>> groupsOf,
      Collection<U> initial,
      long initialStamp,
      LongUnaryOperator nextStamp) {
    this.idOf = idOf;
    this.usernameOf = usernameOf;
    this.groupsOf = groupsOf;
    this.nextStamp = nextStamp;
    this.lastStamp = initialStamp;
    for (U user : initial) {
      if (taken(user)) {
        throw new IllegalArgumentException("Duplicate user " + usernameOf.apply(user));
      }
      put(user, initialStamp);
    }
  }

  Optional<Entry<U>> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(key(id)));
  }

  Optional<U> byUsername(String username) {
    return Optional.ofNullable(username)
        .map(name -> idByUsername.get(key(name)))
        .map(byId::get)
        .map(Entry::user);
  }

  /** Current users in id order, after {@code id} (null: from the first). */
  Stream<Entry<U>> after(String id) {
    return (id == null ? byId : byId.tailMap(key(id), false)).values().stream();
  }

  /** Changes in (stamp, id) order after {@code position}, tombstones too. */
  Stream<Entry<U>> changesAfter(Position position) {
    return changeLog.tailMap(position, false).values().stream();
  }

  /** The latest change (START if none), so a delta round can end where a snapshot of it ended. */
  Position lastChange() {
    Map.Entry<Position, Entry<U>> last = changeLog.lastEntry();
    return last == null ? Position.START : last.getKey();
  }

  /** Current members of a group (by the name users list it under) in id order, after {@code id}. */
  Stream<Entry<U>> membersAfter(String group, String id) {
    NavigableSet<String> members = membersByGroup.get(group);
    if (members == null) {
      return Stream.empty();
    }
    return (id == null ? members : members.tailSet(key(id), false))
        .stream().map(byId::get).filter(Objects::nonNull);
  }

  /** Adds users as one change; false, adding none, when an id or username is taken. */
  synchronized boolean add(List<U> users) {
    if (users.stream().anyMatch(this::taken)) {
      return false;
    }
    long stamp = advance();
    users.forEach(user -> put(user, stamp));
    return true;
  }

  /** Applies a change (not of id or username) to a user; empty when there is no such user. */
  synchronized Optional<U> update(String username, UnaryOperator<U> change) {
    Optional<U> changed = byUsername(username).map(change);
    changed.ifPresent(user -> put(user, advance()));
    return changed;
  }

  /** Removes a user, leaving a tombstone; false when there is no such user. */
  synchronized boolean remove(String username) {
    Optional<U> current = byUsername(username);
    current.ifPresent(
        user -> {
          Entry<U> entry = byId.remove(key(idOf.apply(user)));
          idByUsername.remove(key(usernameOf.apply(user)));
          changeLog.remove(entry.position());
          groupsOf.apply(user).forEach(group -> membersByGroup.get(group).remove(entry.id()));
          Entry<U> tombstone = new Entry<>(entry.id(), null, advance());
          tombstones.put(entry.id(), tombstone.position());
          changeLog.put(tombstone.position(), tombstone);
        });
    return current.isPresent();
  }

  private boolean taken(U user) {
    return byId.containsKey(key(idOf.apply(user)))
        || idByUsername.containsKey(key(usernameOf.apply(user)));
  }

  private long advance() {
    lastStamp = nextStamp.applyAsLong(lastStamp);
    return lastStamp;
  }

  /**
   * Adds or replaces a user. A replaced entry is overwritten in place, never removed first, so a
   * reader walking the users or a group's members does not miss a user while it changes; in the
   * change log the user moves to its new stamp.
   */
  private void put(U user, long stamp) {
    Entry<U> entry = new Entry<>(key(idOf.apply(user)), user, stamp);
    Entry<U> previous = byId.put(entry.id(), entry);
    Position oldPosition = previous == null ? tombstones.remove(entry.id()) : previous.position();
    if (oldPosition != null) {
      changeLog.remove(oldPosition);
    }
    changeLog.put(entry.position(), entry);
    idByUsername.put(key(usernameOf.apply(user)), entry.id());
    List<String> groups = groupsOf.apply(user);
    if (previous != null) {
      groupsOf.apply(previous.user()).stream()
          .filter(group -> !groups.contains(group))
          .forEach(group -> membersByGroup.get(group).remove(entry.id()));
    }
    groups.forEach(
        group ->
            membersByGroup
                .computeIfAbsent(group, g -> new ConcurrentSkipListSet<>())
                .add(entry.id()));
  }

  private static String key(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
