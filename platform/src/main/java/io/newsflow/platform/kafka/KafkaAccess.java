package io.newsflow.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at a service's start that Kafka accepts its credentials and allows what it will do, so that a wrong
 * password or a missing ACL stops the service at once with an error that names the setting or the grant, instead
 * of clients retrying in the background. Topics that do not exist are left to the service (it reports them), and
 * so is a Kafka that does not answer in time: the service starts, not ready, as before.
 */
public final class KafkaAccess {

  /** How long the check waits for Kafka at a service's start. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(KafkaAccess.class);

  private KafkaAccess() {}

  /** Thrown when Kafka refuses the service; the message says which setting or which ACL to fix. */
  public static final class AccessException extends IllegalStateException {
    public AccessException(String message, Throwable cause) {
      super(message, cause);
      log.error(message); // the one line that says what to fix, whatever the caller does with the exception
    }
  }

  /**
   * @param service   name for the message ({@code ingest}, …)
   * @param client    the service's client properties (bootstrap, security)
   * @param needs     per topic, the operations the service performs on it
   * @throws AccessException on refused credentials, TLS failure or a missing grant
   */
  public static void verify(String service, Properties client, Map<String, Set<AclOperation>> needs, Duration timeout) {
    Properties props = new Properties();
    client.forEach((name, value) -> {
      if (AdminClientConfig.configNames().contains(String.valueOf(name))) {
        props.put(name, value);
      }
    });
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-access-check");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      // every topic is checked, in name order, so that one message lists every grant to add, always alike
      Map<String, TopicDescription> topics = new java.util.TreeMap<>();
      List<String> problems = new ArrayList<>();
      for (String topic : new java.util.TreeSet<>(needs.keySet())) {
        try {
          topics.put(topic, admin.describeTopics(List.of(topic), new DescribeTopicsOptions().includeAuthorizedOperations(true))
              .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic));
        } catch (ExecutionException e) {
          if (e.getCause() instanceof UnknownTopicOrPartitionException) {
            continue;
          }
          if (e.getCause() instanceof AuthorizationException) {
            problems.add("Kafka refuses every access to topic " + topic + "; the service needs " + needs.get(topic)
                + " on it");
            continue;
          }
          throw e;
        }
      }
      List<String> missing = new ArrayList<>();
      topics.forEach((topic, description) -> {
        Set<AclOperation> allowed = description.authorizedOperations();
        if (allowed != null) {
          for (AclOperation operation : needs.get(topic)) {
            if (!allowed.contains(operation) && !allowed.contains(AclOperation.ALL)) {
              missing.add(operation + " on topic " + topic);
            }
          }
        }
      });
      if (!missing.isEmpty()) {
        problems.add(0, "Kafka does not allow " + String.join(", ", missing));
      }
      if (!problems.isEmpty()) {
        throw new AccessException(service + ": " + String.join("; ", problems)
            + "; grant it with an ACL (see ops/README.md, Kafka ACLs)", null);
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SaslAuthenticationException || cause instanceof SslAuthenticationException
          || cause instanceof AuthorizationException) {
        throw refused(service, cause);
      }
      unanswered(service, client, timeout);
    } catch (TimeoutException e) {
      unanswered(service, client, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AccessException(service + ": interrupted while checking Kafka access", e);
    }
  }

  private static void unanswered(String service, Properties client, Duration timeout) {
    log.warn("{}: Kafka at {} did not answer the access check within {}; starting anyway, not ready until it does "
        + "(check bootstrap.servers and security.protocol if this lasts)", service,
        client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), timeout);
  }

  private static RuntimeException refused(String service, Throwable cause) {
    if (cause instanceof SaslAuthenticationException) {
      return new AccessException(service + ": Kafka refused the SASL credentials (" + cause.getMessage() + "); check "
          + "sasl.jaas.config (KAFKA_SASL_JAAS_CONFIG or KAFKA_SASL_JAAS_CONFIG_FILE) and sasl.mechanism", cause);
    }
    if (cause instanceof SslAuthenticationException) {
      return new AccessException(service + ": the TLS handshake with Kafka failed (" + cause.getMessage() + "); check "
          + "ssl.truststore.location (KAFKA_SSL_TRUSTSTORE_LOCATION) and its password", cause);
    }
    return new AccessException(service + ": Kafka refused the request (" + cause.getMessage()
        + "); grant the ACLs in ops/README.md, Kafka ACLs", cause);
  }
}
