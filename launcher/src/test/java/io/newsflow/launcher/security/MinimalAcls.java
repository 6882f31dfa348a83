package io.newsflow.launcher.security;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least each service's principal needs, as ops/README.md lists it for {@code kafka-acls.sh}. Application ids
 * are the defaults ({@code newsflow-enrich}, {@code newsflow-sink}): a Streams application's consumer group,
 * transactional ids and internal topics all start with it.
 */
final class MinimalAcls {

  private MinimalAcls() {}

  static List<AclBinding> all() {
    List<AclBinding> acls = new ArrayList<>();
    // ingest: publishes stories (idempotent producer: WRITE is enough), follows news.stories (owner, latest
    // version and text of each story) without a consumer group
    topic(acls, "ingest", "news.raw", AclOperation.WRITE);
    topic(acls, "ingest", "news.stories", AclOperation.READ);
    // enrich: a Streams application with exactly-once
    topic(acls, "enrich", "news.raw", AclOperation.READ);
    topic(acls, "enrich", "news.enriched", AclOperation.WRITE);
    topic(acls, "enrich", "news.duplicates", AclOperation.WRITE);
    topic(acls, "enrich", "news.stories", AclOperation.WRITE);
    topic(acls, "enrich", "news.deadletter", AclOperation.WRITE);
    application(acls, "enrich", "newsflow-enrich");
    // sink: index, subscriptions and alerts Streams application, subscriptions API, webhook delivery
    topic(acls, "sink", "news.enriched", AclOperation.READ);
    topic(acls, "sink", "news.index", AclOperation.WRITE);
    topic(acls, "sink", "news.subscriptions", AclOperation.WRITE, AclOperation.READ);
    topic(acls, "sink", "news.alerts", AclOperation.WRITE, AclOperation.READ);
    topic(acls, "sink", "news.deadletter", AclOperation.WRITE);
    application(acls, "sink", "newsflow-sink");
    return acls;
  }

  private static void topic(List<AclBinding> acls, String user, String topic, AclOperation... operations) {
    for (AclOperation operation : operations) {
      acls.add(allow(user, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operation));
    }
  }

  /** Group, transactional ids and internal topics of an application id (and of ids it derives: -webhooks, -api). */
  private static void application(List<AclBinding> acls, String user, String applicationId) {
    acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, applicationId, PatternType.PREFIXED), AclOperation.READ));
    acls.add(allow(user, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED),
        AclOperation.WRITE));
    acls.add(allow(user, new ResourcePattern(ResourceType.TOPIC, applicationId, PatternType.PREFIXED), AclOperation.ALL));
  }

  private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
    return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }
}
