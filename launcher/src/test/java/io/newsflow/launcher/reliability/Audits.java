package io.newsflow.launcher.reliability;

import io.newsflow.launcher.audit.Accounting;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicContents;
import io.newsflow.launcher.audit.TopicReader;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/** The audit of {@code bin/newsflow audit}, run from a test against a cluster. */
final class Audits {

  private Audits() {}

  static TopicContents read(String bootstrap) {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new TopicReader(props, Duration.ofSeconds(60)).read();
  }

  static AuditReport audit(String bootstrap) {
    return Accounting.account(read(bootstrap));
  }
}
