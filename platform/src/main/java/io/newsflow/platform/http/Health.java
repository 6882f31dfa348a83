package io.newsflow.platform.http;

import java.util.Map;

/**
 * Liveness and readiness of a service. A service is live while it can still recover by itself (Streams
 * REBALANCING is live); ready when it can do its work now.
 */
public record Health(boolean live, boolean ready, Map<String, Object> details) {

  public static Health up(Map<String, Object> details) {
    return new Health(true, true, details);
  }
}
