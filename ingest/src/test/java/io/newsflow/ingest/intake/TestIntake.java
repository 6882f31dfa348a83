package io.newsflow.ingest.intake;

import io.newsflow.ingest.publish.AcceptedArticles;
import io.newsflow.ingest.publish.ArticlePublisher;
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
  public final AcceptedArticles accepted = new AcceptedArticles(1000);
  public final ArticleIntake intake = new ArticleIntake(new ArticlePublisher(producer, Duration.ofSeconds(5)),
      accepted, Clock.systemUTC(), 64 * 1024);

  public List<RawArticle> published() {
    return producer.history().stream().map(ProducerRecord::value).toList();
  }
}
