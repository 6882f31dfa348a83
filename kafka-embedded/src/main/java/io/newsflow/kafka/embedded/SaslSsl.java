package io.newsflow.kafka.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Security of an embedded cluster: a SASL_SSL listener (SCRAM-SHA-512 over TLS) for clients and brokers, a
 * controller listener with mutual TLS, and the StandardAuthorizer with ACLs required. The SCRAM users are created
 * when the node is formatted, so they exist before the first start.
 *
 * @param keyStore           PKCS12 key store with the broker's key and a certificate for {@code localhost}, also
 *                           presented as client certificate on the controller listener
 * @param trustStore         PKCS12 trust store with the CA that signed it
 * @param storePassword      password of both stores and of the key
 * @param brokerPrincipal    principal of the broker's certificate, e.g. {@code User:CN=localhost}: a super user
 * @param adminUser          SCRAM user the brokers talk to each other as: a super user
 * @param users              every SCRAM user with its password, the admin included
 */
public record SaslSsl(Path keyStore, Path trustStore, String storePassword, String brokerPrincipal, String adminUser,
                      Map<String, String> users) {

  public static final String MECHANISM = "SCRAM-SHA-512";

  public SaslSsl {
    users = Map.copyOf(new LinkedHashMap<>(users));
    if (!users.containsKey(adminUser)) {
      throw new IllegalArgumentException("The admin user " + adminUser + " needs a password in users");
    }
  }

  /** The {@code SCRAM-SHA-512=[name=…,password=…]} arguments of the storage formatter. */
  List<String> scramArguments() {
    List<String> arguments = new ArrayList<>();
    users.forEach((user, password) ->
        arguments.add(MECHANISM + "=[name=" + user + ",password=" + password + "]"));
    return arguments;
  }

  Map<String, String> brokerConfig(int port, int controllerPort) {
    Map<String, String> c = new HashMap<>();
    c.put("listeners", "SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    c.put("advertised.listeners", "SASL_SSL://localhost:" + port);
    c.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SSL");
    c.put("inter.broker.listener.name", "SASL_SSL");
    c.put("sasl.enabled.mechanisms", MECHANISM);
    c.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    c.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(adminUser, users.get(adminUser)));
    c.put("listener.name.controller.ssl.client.auth", "required");
    c.put("ssl.keystore.type", "PKCS12");
    c.put("ssl.keystore.location", keyStore.toString());
    c.put("ssl.keystore.password", storePassword);
    c.put("ssl.key.password", storePassword);
    c.put("ssl.truststore.type", "PKCS12");
    c.put("ssl.truststore.location", trustStore.toString());
    c.put("ssl.truststore.password", storePassword);
    c.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    c.put("super.users", "User:" + adminUser + ";" + brokerPrincipal);
    c.put("allow.everyone.if.no.acl.found", "false");
    return c;
  }

  /** Client properties for one user: SASL_SSL, SCRAM-SHA-512, the trust store; bootstrap not included. */
  public Properties clientProperties(String user, String password) {
    Properties p = new Properties();
    p.put("security.protocol", "SASL_SSL");
    p.put("sasl.mechanism", MECHANISM);
    p.put("sasl.jaas.config", jaas(user, password));
    p.put("ssl.truststore.type", "PKCS12");
    p.put("ssl.truststore.location", trustStore.toString());
    p.put("ssl.truststore.password", storePassword);
    return p;
  }

  /** The {@code sasl.jaas.config} of a SCRAM user. */
  public static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }
}
