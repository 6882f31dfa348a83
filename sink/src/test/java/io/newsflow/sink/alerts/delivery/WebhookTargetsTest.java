package io.newsflow.sink.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, loopback",
      "127.1.2.3, loopback",
      "[::1], loopback",
      "10.0.0.5, private",
      "172.16.9.1, private",
      "172.31.255.255, private",
      "192.168.1.1, private",
      "169.254.169.254, link-local",
      "[fe80::1], link-local",
      "[fd00:ec2::254], unique-local",
      "[::ffff:127.0.0.1], loopback",
      "[::ffff:169.254.169.254], link-local",
      "[64:ff9b::a00:1], private",
      "[2002:a00:1::], private",
      "0.0.0.0, unspecified",
      "[::], unspecified",
      "0.1.2.3, this network",
      "100.64.0.1, carrier-grade NAT",
      "224.0.0.1, multicast",
      "255.255.255.255, reserved",
  })
  void refusesInternalAddresses(String host, String kind) {
    assertThatThrownBy(() -> WebhookTargets.publicOnly().check(URI.create("http://" + host + ":8080/hook")))
        .isInstanceOf(WebhookTargets.BlockedTargetException.class)
        .hasMessageContaining(kind).hasMessageContaining("NEWSFLOW_SINK_WEBHOOK_ALLOW");
  }

  @Test
  void refusesANameThatResolvesToLoopback() {
    assertThatThrownBy(() -> WebhookTargets.publicOnly().check(URI.create("http://localhost/hook")))
        .hasMessageContaining("'localhost' resolves to").hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://93.184.216.34/hook", "https://8.8.8.8:8443/x", "http://[2606:4700::1111]/hook",
      "http://172.32.0.1/hook", "http://100.128.0.1/hook"})
  void acceptsPublicAddresses(String url) throws Exception {
    assertThat(WebhookTargets.publicOnly().check(URI.create(url))).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://93.184.216.34/x", "file:///etc/passwd", "gopher://93.184.216.34/", "jar:http://x/!/"})
  void refusesOtherSchemes(String url) {
    assertThatThrownBy(() -> WebhookTargets.publicOnly().check(URI.create(url)))
        .isInstanceOf(WebhookTargets.BlockedTargetException.class).hasMessageContaining("only http and https");
  }

  @Test
  void refusesUserInfoInTheUrl() {
    assertThatThrownBy(() -> WebhookTargets.publicOnly().check(URI.create("http://user:pw@93.184.216.34/")))
        .hasMessageContaining("user info");
  }

  @Test
  void theAllowListPermitsItsRangesOnly() throws Exception {
    WebhookTargets targets = WebhookTargets.allowing("127.0.0.0/8, 10.1.0.0/16,fd00::/8");

    assertThat(targets.check(URI.create("http://127.0.0.1:9/hook"))).containsExactly(InetAddress.getByName("127.0.0.1"));
    assertThat(targets.check(URI.create("http://10.1.200.3/hook"))).isNotEmpty();
    assertThat(targets.check(URI.create("http://[fd00:ec2::254]/hook"))).isNotEmpty();
    assertThatThrownBy(() -> targets.check(URI.create("http://10.2.0.1/hook"))).hasMessageContaining("private");
    assertThatThrownBy(() -> targets.check(URI.create("http://169.254.169.254/"))).hasMessageContaining("link-local");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "10.0.0.0/33", "10.0.0.0/x", "example.com/8", "abc", "::1/129", "1.2.3/8"})
  void aBadAllowListEntryIsRefusedNamingIt(String entry) {
    assertThatThrownBy(() -> WebhookTargets.allowing(entry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NEWSFLOW_SINK_WEBHOOK_ALLOW")
        .hasMessageContaining(entry);
  }

  @Test
  void anUnresolvableHostIsRefused() {
    assertThatThrownBy(() -> WebhookTargets.publicOnly().check(URI.create("http://no-such-host.invalid/hook")))
        .hasMessageContaining("does not resolve");
  }
}
