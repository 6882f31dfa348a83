package io.newsflow.ingest.intake;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.newsflow.ingest.stories.StoryView;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** An intake over Kafka's MockProducer, for tests of the delivery modes without a broker. */
public final class TestIntake {

  public final MockProducer<String, RawArticle> producer = new MockProducer<>(true, null,
      Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
  public final StoryView stories = new StoryView();
  public final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  public final ArticleIntake intake = new ArticleIntake(new ArticlePublisher(producer, Duration.ofSeconds(5)),
      stories, Clock.systemUTC(), 64 * 1024, metrics);

  /**
   * Does what enrich does for ingest: records every published story on the view as {@code news.stories} would
   * (the first source owns it, the latest version with its text).
   */
  public void storiesCaughtUp() {
    for (RawArticle a : published()) {
      String owner = stories.find(a.getId()).map(j -> (String) j.get("owner")).orElse(a.getSource());
      long latest = stories.find(a.getId()).map(j -> (Long) j.get("version")).orElse(0L);
      if (owner.equals(a.getSource()) && a.getVersion() > latest) {
        stories.update(a.getId(), new StoryView.State(owner, a.getVersion(), a.getTextDigest(),
            a.getPubStatus() != io.newsflow.schemas.avro.PubStatus.USABLE));
      }
    }
  }

  public List<RawArticle> published() {
    return producer.history().stream().map(ProducerRecord::value).toList();
  }
}
