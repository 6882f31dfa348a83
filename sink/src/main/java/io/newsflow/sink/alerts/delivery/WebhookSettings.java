package io.newsflow.sink.alerts.delivery;

import java.time.Duration;

/**
 * How webhooks are delivered.
 *
 * @param maxAttempts    attempts per alert before it goes to the dead-letter topic
 * @param initialBackoff wait before the second attempt; doubled before each further one
 * @param maxBackoff     longest wait between attempts
 * @param timeout        how long one attempt may take (connect and answer)
 * @param maxInFlight    alerts being delivered at once; the alert consumer waits when this many are pending
 * @param logSize        deliveries kept per subscription for the API
 * @param targets        which addresses webhooks may reach
 */
public record WebhookSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout,
                              int maxInFlight, int logSize, WebhookTargets targets) {

  public Duration backoffBefore(int attempt) {
    long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 2));
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
