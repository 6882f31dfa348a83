package io.newsflow.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster in this JVM: one or more combined broker+controller KRaft nodes. Used by
 * {@code bin/newsflow run} when no cluster is configured, and by the integration tests.
 *
 * <p>Data lives under the directory given at start; starting again on the same directory (and ports)
 * keeps every topic and record, because an already formatted node is not formatted again.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

  private final Path dataDir;
  private final boolean deleteOnClose;
  private final List<Node> nodes;

  private EmbeddedKafkaCluster(Path dataDir, boolean deleteOnClose, List<Node> nodes) {
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
    this.nodes = nodes;
  }

  /** A single node on free ports in a temporary directory that is deleted on close: for tests. */
  public static EmbeddedKafkaCluster startTemporary() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String bootstrapServers() {
    return nodes.stream().filter(n -> n.server != null).map(n -> "localhost:" + n.port).collect(Collectors.joining(","));
  }

  public Path dataDir() {
    return dataDir;
  }

  public int size() {
    return nodes.size();
  }

  /**
   * Index of the node that is the active KRaft controller now (the leader of the metadata quorum), for tests that
   * stop the node whose loss is hardest to survive.
   */
  public int activeControllerIndex() {
    java.util.Properties props = new java.util.Properties();
    props.put("bootstrap.servers", bootstrapServers());
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
      int leaderId = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
      for (int i = 0; i < nodes.size(); i++) {
        if (nodes.get(i).id == leaderId) {
          return i;
        }
      }
      throw new IllegalStateException("The metadata quorum leader " + leaderId + " is not a node of this cluster");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking for the active controller", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot describe the metadata quorum: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Stops one node, as a broker failure would (its data stays for {@link #restartNode}). */
  public void stopNode(int index) {
    Node node = nodes.get(index);
    if (node.server != null) {
      node.server.shutdown();
      node.server.awaitShutdown();
      node.server = null;
    }
  }

  public void restartNode(int index) {
    Node node = nodes.get(index);
    if (node.server == null) {
      node.server = new KafkaRaftServer(new KafkaConfig(node.config, false), Time.SYSTEM);
      node.server.startup();
    }
  }

  @Override
  public void close() {
    // closing one node at a time loses the quorum and waits for it; close them all at once
    CompletableFuture.allOf(nodes.stream()
        .map(n -> CompletableFuture.runAsync(() -> {
          if (n.server != null) {
            n.server.shutdown();
            n.server.awaitShutdown();
            n.server = null;
          }
        }))
        .toArray(CompletableFuture[]::new)).join();
    if (deleteOnClose) {
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }

  private static final class Node {
    final int id;
    final int port;
    final int controllerPort;
    final Map<String, String> config;
    volatile KafkaRaftServer server;

    Node(int id, int port, int controllerPort, Map<String, String> config) {
      this.id = id;
      this.port = port;
      this.controllerPort = controllerPort;
      this.config = config;
    }
  }

  /** Size, ports, data directory and extra broker settings of a cluster. */
  public static final class Builder {
    private int nodes = 1;
    private Path dataDir;
    private int firstPort;
    private final Map<String, String> brokerConfig = new HashMap<>();
    private SaslSsl saslSsl;

    private Builder() {}

    /**
     * A secured cluster: clients and brokers talk SASL_SSL (SCRAM-SHA-512 over TLS), the controller listener
     * mutual TLS, and the StandardAuthorizer allows nothing but what ACLs grant (the admin and the brokers are
     * super users).
     */
    public Builder saslSsl(SaslSsl saslSsl) {
      this.saslSsl = saslSsl;
      return this;
    }

    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    /** Where logs and metadata are kept; a fresh temporary directory (deleted on close) when not set. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Fixed ports: node i listens on {@code firstPort + 2i} and its controller on the next port. */
    public Builder firstPort(int firstPort) {
      this.firstPort = firstPort;
      return this;
    }

    public Builder brokerConfig(String name, String value) {
      brokerConfig.put(name, value);
      return this;
    }

    public EmbeddedKafkaCluster start() {
      boolean temporary = dataDir == null;
      try {
        Path root = temporary ? Files.createTempDirectory("newsflow-kafka-") : Files.createDirectories(dataDir);
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          ports.add(firstPort > 0 ? new int[] {firstPort + 2 * i, firstPort + 2 * i + 1} : new int[] {freePort(), freePort()});
        }
        String voters = java.util.stream.IntStream.range(0, nodes)
            .mapToObj(i -> (i + 1) + "@localhost:" + ports.get(i)[1])
            .collect(Collectors.joining(","));
        String clusterId = readOrCreateClusterId(root);
        List<Node> created = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          int id = i + 1;
          Path logDir = root.resolve("node-" + id);
          Map<String, String> config = nodeConfig(id, ports.get(i)[0], ports.get(i)[1], voters, logDir);
          format(id, clusterId, logDir, saslSsl);
          created.add(new Node(id, ports.get(i)[0], ports.get(i)[1], config));
        }
        // startup() returns only once a quorum exists, so the nodes must start together
        CompletableFuture.allOf(created.stream()
            .map(n -> CompletableFuture.runAsync(() -> {
              n.server = new KafkaRaftServer(new KafkaConfig(n.config, false), Time.SYSTEM);
              n.server.startup();
            }))
            .toArray(CompletableFuture[]::new)).get();
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(root, temporary, created);
        log.info("Embedded Kafka ({} node{}) ready at {}, data in {}", nodes, nodes == 1 ? "" : "s",
            cluster.bootstrapServers(), root);
        return cluster;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting Kafka", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Kafka did not start: " + e.getCause().getMessage(), e.getCause());
      }
    }

    private Map<String, String> nodeConfig(int id, int port, int controllerPort, String voters, Path logDir) {
      int replication = Math.min(nodes, 3);
      Map<String, String> c = new HashMap<>();
      c.put("process.roles", "broker,controller");
      c.put("node.id", String.valueOf(id));
      c.put("controller.quorum.voters", voters);
      c.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
      c.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
      c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      c.put("controller.listener.names", "CONTROLLER");
      c.put("inter.broker.listener.name", "PLAINTEXT");
      c.put("log.dirs", logDir.toString());
      c.put("offsets.topic.replication.factor", String.valueOf(replication));
      c.put("offsets.topic.num.partitions", "5");
      c.put("transaction.state.log.replication.factor", String.valueOf(replication));
      c.put("transaction.state.log.min.isr", String.valueOf(Math.min(2, replication)));
      c.put("transaction.state.log.num.partitions", "5");
      c.put("share.coordinator.state.topic.replication.factor", String.valueOf(replication));
      c.put("share.coordinator.state.topic.min.isr", String.valueOf(Math.min(2, replication)));
      c.put("default.replication.factor", String.valueOf(replication));
      c.put("min.insync.replicas", String.valueOf(Math.min(2, replication)));
      c.put("group.initial.rebalance.delay.ms", "0");
      c.put("auto.create.topics.enable", "false");
      c.put("log.cleaner.backoff.ms", "1000");
      // the active controller appends a no-op record to the metadata log when it has written nothing for this long
      // (Kafka's default 500 ms), and the broker replays it: on an idle run that was most of the raft I/O thread's
      // work (5.2-5.5 ms of CPU a second, 0.8 with 5 s; bench/idle.sh, bench/results/idle-2026-12-06-*.json)
      c.put("metadata.max.idle.interval.ms", "5000");
      if (saslSsl != null) {
        c.putAll(saslSsl.brokerConfig(port, controllerPort));
      }
      c.putAll(brokerConfig);
      return c;
    }

    private static void format(int id, String clusterId, Path logDir, SaslSsl saslSsl) {
      if (Files.exists(logDir.resolve("meta.properties"))) {
        return;
      }
      try {
        new Formatter()
            .setNodeId(id)
            .setClusterId(clusterId)
            .setDirectories(List.of(logDir.toString()))
            .setMetadataLogDirectory(logDir.toString())
            .setControllerListenerName("CONTROLLER")
            .setReleaseVersion(MetadataVersion.latestProduction())
            .setScramArguments(saslSsl == null ? List.of() : saslSsl.scramArguments())
            .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
            .run();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot format Kafka log directory " + logDir, e);
      }
    }

    private static String readOrCreateClusterId(Path root) throws IOException {
      Path file = root.resolve("cluster.id");
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      String id = Uuid.randomUuid().toString();
      Files.writeString(file, id);
      return id;
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        socket.setReuseAddress(true);
        return socket.getLocalPort();
      }
    }
  }
}
