package dev.lethe.amqp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to the local RabbitMQ whose connections a test can cut, as a network failure would,
 * without touching the broker that other tests share.
 */
final class TcpProxy implements AutoCloseable {

  private final ServerSocket listening;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean holdingReplies;

  TcpProxy(int targetPort) throws IOException {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket client = listening.accept();
                  Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                  sockets.add(client);
                  sockets.add(broker);
                  pump(client, broker, false);
                  pump(broker, client, true);
                }
              } catch (IOException closed) {
                // The proxy is closed.
              }
            },
            "tcp-proxy-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listening.getLocalPort();
  }

  /**
   * Stops passing the broker's bytes on to the clients, as a broker gone silent would: what the
   * clients send still arrives. Until the connections are cut.
   */
  void holdReplies() {
    holdingReplies = true;
  }

  /** Cuts every connection through the proxy; new ones are accepted, and replies pass again. */
  void cutConnections() {
    holdingReplies = false;
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // Already closed.
      }
    }
    sockets.clear();
  }

  private void pump(Socket from, Socket to, boolean replies) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  while (replies && holdingReplies && !to.isClosed()) {
                    Thread.sleep(10);
                  }
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException cut) {
                // One side was closed.
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException e) {
                  // Already closed.
                }
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    listening.close();
    cutConnections();
  }
}
