package io.newsflow.sink.alerts.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Coverage-guided fuzzing (Jazzer) of the subscription request parser: any body is either a subscription or an
 * {@link SubscriptionJson.InvalidSubscriptionException} naming the field (a 400), never another exception (a 500);
 * an accepted webhook is an absolute http(s) URL with a secret of at least 16 characters, and what is accepted
 * survives being stored and read back.
 *
 * <p>Under {@code mvn test} it replays {@code src/test/resources/io/newsflow/sink/alerts/subscriptions/
 * SubscriptionRequestFuzzTestInputs/parseRequest/}; a long run: {@code ops/fuzz-long.sh sink
 * SubscriptionRequestFuzzTest#parseRequest 10m}.
 */
class SubscriptionRequestFuzzTest {

  @FuzzTest
  void parseRequest(byte[] body) {
    Subscription s;
    try {
      s = SubscriptionJson.parseRequest(body, "sub-1", "team", Instant.EPOCH, "generated-secret-0123456789");
    } catch (SubscriptionJson.InvalidSubscriptionException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(expected.field()).isNotNull();
      return;
    }
    if (s.webhook() != null) {
      URI url = URI.create(s.webhook().url());
      assertThat(url.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
      assertThat(url.getHost()).isNotEmpty();
      assertThat(s.webhook().secret()).hasSizeGreaterThanOrEqualTo(16);
    }
    assertThat(SubscriptionJson.fromStored(SubscriptionJson.toStored(s))).isEqualTo(s);
  }
}
