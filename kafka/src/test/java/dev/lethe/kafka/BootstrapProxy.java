package dev.lethe.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed address in front of an embedded broker, which can be taken away and given back: while
 * stopped, nothing answers there and every connection through it is cut, as when the broker is down.
 * The KRaft broker of spring-kafka-test 4.1 ignores {@code kafkaPorts}, so it cannot itself be started
 * on a port chosen in advance, nor restarted on the same one.
 */
final class BootstrapProxy implements AutoCloseable {

  private final int port;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  BootstrapProxy() {
    this.port = KafkaTestSupport.freePort();
  }

  int port() {
    return port;
  }

  String address() {
    return "localhost:" + port;
  }

  /** Starts answering at the fixed address, forwarding each connection to {@code brokerPort} on localhost. */
  void forwardTo(int brokerPort) {
    ServerSocket listening;
    try {
      listening = new ServerSocket();
      listening.setReuseAddress(true);
      listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = listening;
    Thread acceptor =
        new Thread(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                  connections.add(client);
                  connections.add(broker);
                  pipe(client, broker);
                  pipe(broker, client);
                } catch (IOException e) {
                  // The proxy was stopped, or one connection failed: the client reconnects.
                }
              }
            },
            "bootstrap-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Stops answering and cuts every connection through it. */
  void stop() {
    ServerSocket listening = server;
    if (listening != null) {
      closeQuietly(listening);
    }
    connections.forEach(BootstrapProxy::closeQuietly);
    connections.clear();
  }

  private void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // A side closed: the pair ends.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                connections.remove(from);
                connections.remove(to);
              }
            },
            "bootstrap-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    stop();
  }
}
