package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.commands.HealthCommand;
import io.newsflow.platform.http.Health;
import io.newsflow.platform.http.HttpService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bin/newsflow health}: the image's health check, exit 0 only when the service answers ready. */
class HealthCommandTest {

  private final AtomicBoolean ready = new AtomicBoolean();
  private HttpService service;

  @BeforeEach
  void startService() throws Exception {
    service = HttpService.builder("probe-target", new InetSocketAddress("localhost", 0))
        .health(() -> new Health(true, ready.get(), Map.of()))
        .build()
        .start();
  }

  @AfterEach
  void stopService() {
    service.close();
  }

  @Test
  void exitsZeroWhenTheServiceIsReady() {
    // given
    ready.set(true);

    // when
    int exit = health("http://localhost:" + service.port() + "/health/ready");

    // then
    assertThat(exit).isZero();
  }

  @Test
  void exitsOneWhenTheServiceIsLiveButNotReady() {
    // given
    ready.set(false);

    // when
    int ready = health("http://localhost:" + service.port() + "/health/ready");
    int live = health("http://localhost:" + service.port() + "/health/live");

    // then
    assertThat(ready).isEqualTo(1);
    assertThat(live).isZero();
  }

  @Test
  void exitsOneWhenNothingListens() throws Exception {
    // given
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    // when
    int exit = health("http://localhost:" + port + "/health/ready");

    // then
    assertThat(exit).isEqualTo(1);
  }

  private static int health(String url) {
    CommandLine command = new CommandLine(new HealthCommand());
    command.setOut(new PrintWriter(new StringWriter()));
    return command.execute("--timeout", "20s", url);
  }
}
