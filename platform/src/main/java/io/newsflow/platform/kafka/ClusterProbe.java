package io.newsflow.platform.kafka;

import io.newsflow.platform.http.Health;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka cluster answers, for a readiness check of a service that only produces (ingest): a
 * {@code describeCluster} with a short timeout, its answer kept for a few seconds so that frequent health
 * checks cost the cluster next to nothing. A service that cannot reach Kafka is still live (it recovers
 * when the cluster comes back) but not ready.
 */
public final class ClusterProbe implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterProbe.class);

  private final Admin admin;
  private final Duration timeout;
  private final Duration cacheFor;
  private final Clock clock;
  private Instant checkedAt = Instant.MIN;
  private Result last = new Result(false, "not checked yet");

  ClusterProbe(Admin admin, Duration timeout, Duration cacheFor, Clock clock) {
    this.admin = admin;
    this.timeout = timeout;
    this.cacheFor = cacheFor;
    this.clock = clock;
  }

  /**
   * @param clientProps properties of any Kafka client (producer properties do): only the admin client's
   *                    own keys are kept, so no unknown-config warnings
   * @param timeout     how long one check waits for the cluster
   * @param cacheFor    how long an answer is reused
   */
  public static ClusterProbe create(Properties clientProps, Duration timeout, Duration cacheFor) {
    Properties adminProps = new Properties();
    clientProps.forEach((k, v) -> {
      if (AdminClientConfig.configNames().contains(k.toString())) {
        adminProps.put(k, v);
      }
    });
    adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, clientProps.getProperty("client.id", "newsflow") + "-probe");
    adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    return new ClusterProbe(Admin.create(adminProps), timeout, cacheFor, Clock.systemUTC());
  }

  /** Whether the cluster answered within the timeout, at most {@code cacheFor} ago. */
  public synchronized boolean reachable() {
    return check().reachable();
  }

  /** Always live; ready while the cluster answers. Details say why not. */
  public Health health() {
    Result result;
    synchronized (this) {
      result = check();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kafka", result.reachable() ? "reachable" : "unreachable");
    if (!result.reachable()) {
      details.put("kafkaError", result.detail());
    }
    return new Health(true, result.reachable(), details);
  }

  private Result check() {
    Instant now = clock.instant();
    if (now.isBefore(checkedAt.plus(cacheFor))) {
      return last;
    }
    Result result = describe();
    if (result.reachable() != last.reachable()) {
      log.info("Kafka {}{}", result.reachable() ? "reachable" : "unreachable: ", result.reachable() ? "" : result.detail());
    }
    last = result;
    checkedAt = clock.instant();
    return result;
  }

  private Result describe() {
    try {
      int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      return nodes > 0 ? new Result(true, nodes + " brokers") : new Result(false, "no brokers in the cluster");
    } catch (ExecutionException e) {
      return new Result(false, e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      return new Result(false, "no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  private record Result(boolean reachable, String detail) {}
}
