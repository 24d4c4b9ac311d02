package dev.companysso.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A name server on loopback (UDP) that answers TXT questions from what a test published: the
 * authority the bundle's domain verification asks in tests. Unknown names get NXDOMAIN; names made
 * silent get no answer at all, as an unreachable server.
 */
public final class LoopbackDns implements AutoCloseable {

  private final DatagramSocket socket;
  private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final Thread server;

  private LoopbackDns(DatagramSocket socket) {
    this.socket = socket;
    this.server = new Thread(this::serve, "loopback-dns");
    server.setDaemon(true);
    server.start();
  }

  public static LoopbackDns start() {
    try {
      return new LoopbackDns(
          new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    } catch (SocketException e) {
      throw new UncheckedIOException("Could not open a UDP port on loopback", e);
    }
  }

  /** {@code host:port}, as the bundle's {@code dns-servers} option takes it. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  /** Publishes (replaces) the TXT records at {@code name}. */
  public void publishTxt(String name, String... values) {
    txt.put(key(name), List.of(values));
  }

  public void remove(String name) {
    txt.remove(key(name));
  }

  /** Questions about {@code name} get no answer until {@link #answer} (a lookup that times out). */
  public void silence(String name) {
    silent.add(key(name));
  }

  public void answer(String name) {
    silent.remove(key(name));
  }

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        Message query = new Message(Arrays.copyOf(buffer, packet.getLength()));
        byte[] answer = answer(query);
        if (answer != null) {
          socket.send(
              new DatagramPacket(answer, answer.length, packet.getAddress(), packet.getPort()));
        }
      } catch (IOException e) {
        if (!socket.isClosed()) {
          System.err.println("loopback-dns: " + e);
        }
      }
    }
  }

  private byte[] answer(Message query) throws IOException {
    Record question = query.getQuestion();
    String name = question.getName().toString().toLowerCase(Locale.ROOT);
    if (silent.contains(name)) {
      return null;
    }
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    response.addRecord(question, Section.QUESTION);
    List<String> values = txt.get(name);
    if (values == null) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
    } else if (question.getType() == Type.TXT || question.getType() == Type.ANY) {
      for (String value : values) {
        response.addRecord(
            new TXTRecord(Name.fromString(name), DClass.IN, 60, value), Section.ANSWER);
      }
    }
    return response.toWire(512);
  }

  @Override
  public void close() {
    socket.close();
  }
}
