package io.newsflow.launcher.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free local ports for services started by a test. */
final class Ports {

  private Ports() {}

  static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port whose successor is free too: a broker and its controller. */
  static int freePair() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = free();
      try (ServerSocket first = new ServerSocket(port); ServerSocket next = new ServerSocket(port + 1)) {
        return Math.min(first.getLocalPort(), next.getLocalPort());
      } catch (IOException e) {
        // taken; try another
      }
    }
    throw new IllegalStateException("No two consecutive free ports found");
  }
}
