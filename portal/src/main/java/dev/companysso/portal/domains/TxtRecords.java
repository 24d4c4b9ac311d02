package dev.companysso.portal.domains;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Reads TXT records through the JDK's DNS client (JNDI {@code dns:}), from the name servers
 * configured for the bundle or else the machine's own resolver. Nothing is cached here: a
 * verification must see the record as published now.
 */
public final class TxtRecords {

  /** The records at a name, or why there are none. */
  public record Answer(List<String> values, boolean lookupFailed, String problem) {

    static Answer found(List<String> values) {
      return new Answer(values, false, null);
    }

    static Answer failed(String problem) {
      return new Answer(List.of(), true, problem);
    }
  }

  private final String providerUrl;
  private final long timeoutMillis;

  /**
   * @param servers {@code host[:port]} entries, tried in order; none for the machine's resolver
   */
  public TxtRecords(List<String> servers, long timeoutMillis) {
    this.providerUrl =
        servers.isEmpty()
            ? "dns:"
            : servers.stream().map(s -> "dns://" + s).collect(Collectors.joining(" "));
    this.timeoutMillis = timeoutMillis;
  }

  public Answer at(String name) {
    Hashtable<String, String> environment = new Hashtable<>();
    environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    environment.put(Context.PROVIDER_URL, providerUrl);
    environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(timeoutMillis));
    environment.put("com.sun.jndi.dns.timeout.retries", "2");
    DirContext context = null;
    try {
      context = new InitialDirContext(environment);
      Attribute txt = context.getAttributes(name, new String[] {"TXT"}).get("TXT");
      return Answer.found(txt == null ? List.of() : values(txt));
    } catch (NameNotFoundException noSuchName) {
      return Answer.found(List.of());
    } catch (NamingException e) {
      return Answer.failed(e.getClass().getSimpleName() + ": " + e.getExplanation());
    } finally {
      close(context);
    }
  }

  /**
   * One value per record. The JDK gives a record of several strings as those strings separated by
   * spaces, each quoted when it contains one; DNS means them joined, so they are joined here.
   */
  private static List<String> values(Attribute txt) throws NamingException {
    List<String> values = new ArrayList<>();
    NamingEnumeration<?> all = txt.getAll();
    while (all.hasMore()) {
      values.add(joined(String.valueOf(all.next())));
    }
    return values;
  }

  static String joined(String record) {
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && i + 1 < record.length()) {
        value.append(record.charAt(++i));
      } else if (c != ' ' || quoted) {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static void close(DirContext context) {
    if (context != null) {
      try {
        context.close();
      } catch (NamingException ignored) {
        // Nothing is held open between lookups.
      }
    }
  }
}
