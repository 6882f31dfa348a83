package io.newsflow.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker as a process of its own, so that tests can run the services as separate processes
 * (and kill them) against a broker that outlives them:
 * {@code java -cp launcher/target/newsflow-launcher.jar:launcher/target/lib/* io.newsflow.kafka.embedded.BrokerMain}.
 *
 * <p>Configured by the environment: {@code NEWSFLOW_DATA_DIR} (data kept under {@code kafka/}, so a restart on the
 * same directory keeps every record), {@code NEWSFLOW_EMBEDDED_KAFKA_PORT} (broker port; the controller takes
 * the next one) and {@code NEWSFLOW_BROKER_NODES} (1 or 3; node i listens on port + 2i).
 */
public final class BrokerMain {

  private static final Logger log = LoggerFactory.getLogger(BrokerMain.class);

  private BrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    Path dataDir = Path.of(env.getOrDefault("NEWSFLOW_DATA_DIR", "data")).toAbsolutePath();
    int port = Integer.parseInt(env.getOrDefault("NEWSFLOW_EMBEDDED_KAFKA_PORT", "9092").trim());
    int nodes = Integer.parseInt(env.getOrDefault("NEWSFLOW_BROKER_NODES", "1").trim());
    EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder()
        .nodes(nodes)
        .dataDir(dataDir.resolve("kafka"))
        .firstPort(port)
        .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping the embedded broker");
      cluster.close();
      stopped.countDown();
    }, "broker-shutdown"));
    log.info("Broker ready at {}", cluster.bootstrapServers());
    stopped.await();
  }
}
