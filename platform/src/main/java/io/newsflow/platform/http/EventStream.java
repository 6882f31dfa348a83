package io.newsflow.platform.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open server-sent event stream ({@link Request#openEventStream()}): an asynchronous response that holds no
 * thread between writes. A write that fails (the client went away) closes the stream and runs the
 * {@link #onClose} actions once.
 */
public final class EventStream {

  private final OutputStream out;
  private final CompletableFuture<Void> done;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

  EventStream(OutputStream out, CompletableFuture<Void> done) {
    this.out = out;
    this.done = done;
  }

  /** One event: {@code event:}, {@code id:} and {@code data:} lines, then a blank line. */
  public void send(String event, String id, String data) {
    write("event: " + event + "\nid: " + id + "\ndata: " + data + "\n\n");
  }

  /** A comment line, which clients ignore: a keep-alive. */
  public void comment(String text) {
    write(": " + text + "\n\n");
  }

  public boolean closed() {
    return closed.get();
  }

  public void onClose(Runnable action) {
    onClose.add(action);
    if (closed.get()) {
      action.run();
    }
  }

  /** Ends the response. */
  public void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.forEach(Runnable::run);
      done.complete(null);
    }
  }

  private synchronized void write(String text) {
    if (closed.get()) {
      return;
    }
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      close();
    }
  }
}
