package dev.lethe.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A fixed address at which no broker answers until {@link #forwardTo} is called, then forwards each
 * connection to the broker. The KRaft broker of spring-kafka-test 4.1 ignores {@code kafkaPorts} and
 * cannot be started on a port chosen in advance; clients bootstrapped here reach the broker through it
 * and then connect to the broker's advertised address directly, as they would to a real cluster.
 */
final class BootstrapProxy implements AutoCloseable {

  private final int port;
  private ServerSocket server;

  BootstrapProxy() {
    this.port = KafkaTestSupport.freePort();
  }

  String address() {
    return "localhost:" + port;
  }

  /** Starts listening at the fixed address, forwarding each connection to {@code brokerPort} on localhost. */
  void forwardTo(int brokerPort) {
    try {
      server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
          pipe(client, broker);
          pipe(broker, client);
        } catch (IOException e) {
          // The proxy was closed, or one connection failed: the client reconnects.
        }
      }
    }, "bootstrap-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void pipe(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // A side closed: the pair ends.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "bootstrap-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }
}
