package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.audit.Accounting;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicContents;
import io.newsflow.launcher.audit.TopicContents.AlertRecord;
import io.newsflow.launcher.audit.TopicContents.DeadLetterRecord;
import io.newsflow.launcher.audit.TopicContents.DuplicateRecord;
import io.newsflow.launcher.audit.TopicContents.EnrichedRecord;
import io.newsflow.launcher.audit.TopicContents.IndexRecord;
import io.newsflow.launcher.audit.TopicContents.RawRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountingTest {

  private final List<RawRecord> raw = new ArrayList<>();
  private final List<EnrichedRecord> enriched = new ArrayList<>();
  private final List<IndexRecord> index = new ArrayList<>();
  private final List<DuplicateRecord> duplicates = new ArrayList<>();
  private final List<DeadLetterRecord> deadLetters = new ArrayList<>();
  private final List<AlertRecord> alerts = new ArrayList<>();

  private AuditReport audit() {
    return Accounting.account(new TopicContents(raw, enriched, index, duplicates, deadLetters, alerts));
  }

  private void accepted(int offset, String id, long version) {
    raw.add(new RawRecord(0, offset, id, id, version));
  }

  @Test
  void countsAStoryWithItsDocumentOnTheIndexAsIndexed() {
    // given
    accepted(0, "a", 1);
    enriched.add(new EnrichedRecord(0, 0, "a", 1));
    index.add(new IndexRecord("a", 1L));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.indexed()).isEqualTo(1);
    assertThat(report.clean()).isTrue();
  }

  @Test
  void reportsAStoryInNoOutcomeAsUnaccounted() {
    // given
    accepted(0, "a", 1);
    accepted(1, "b", 1);
    index.add(new IndexRecord("a", 1L));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.unaccounted()).containsExactly(new AuditReport.Unaccounted(0, 1, "b", "b", 1L));
    assertThat(report.clean()).isFalse();
  }

  @Test
  void countsAnOlderVersionReplacedOnTheIndexAndAKilledStoryAsIndexed() {
    // given
    accepted(0, "a", 1);
    accepted(1, "a", 2);
    accepted(2, "k", 1);
    accepted(3, "k", 2);
    index.add(new IndexRecord("a", 2L));
    index.add(new IndexRecord("k", null));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.indexed()).isEqualTo(4);
    assertThat(report.clean()).isTrue();
  }

  @Test
  void countsAResendRecordedOnDuplicatesAsDuplicateAndWithoutTheRecordAsUnaccounted() {
    // given
    accepted(0, "a", 1);
    accepted(1, "a", 1);
    accepted(2, "b", 1);
    accepted(3, "b", 1);
    index.add(new IndexRecord("a", 1L));
    index.add(new IndexRecord("b", 1L));
    duplicates.add(new DuplicateRecord("a", 1, "resend"));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.indexed()).isEqualTo(2);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.unaccounted()).extracting(AuditReport.Unaccounted::offset).containsExactly(3L);
  }

  @Test
  void matchesDeadLettersByRawOffsetByEnrichedOffsetAndByKey() {
    // given: a poison pill, an enrichment failure, a sink failure and a dead letter without headers
    raw.add(new RawRecord(0, 0, "pill", null, 0));
    accepted(1, "e", 1);
    accepted(2, "s", 1);
    raw.add(new RawRecord(0, 3, "old", null, 0));
    enriched.add(new EnrichedRecord(1, 7, "s", 1));
    deadLetters.add(new DeadLetterRecord("pill", "news.raw", 0, 0L, "org.apache.kafka.common.errors.SerializationException"));
    deadLetters.add(new DeadLetterRecord("e", "news.raw", 0, 1L, "java.lang.IllegalStateException"));
    deadLetters.add(new DeadLetterRecord("s", "news.enriched", 1, 7L, "java.lang.IllegalStateException"));
    deadLetters.add(new DeadLetterRecord("old", null, null, null, "unknown"));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.deadLettered()).isEqualTo(4);
    assertThat(report.deadLetterReasons()).containsEntry("java.lang.IllegalStateException", 2L)
        .containsEntry("org.apache.kafka.common.errors.SerializationException", 1L);
    assertThat(report.clean()).isTrue();
  }

  @Test
  void doesNotCountADeadLetterOfAnotherOffsetForAnUnreadableRecord() {
    // given
    raw.add(new RawRecord(0, 0, "pill", null, 0));
    deadLetters.add(new DeadLetterRecord("pill", "news.raw", 0, 5L, "x"));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.unaccounted()).hasSize(1);
  }

  @Test
  void reportsAStoryVersionIndexedOrEnrichedMoreOftenThanItWasAccepted() {
    // given
    accepted(0, "a", 1);
    enriched.add(new EnrichedRecord(0, 0, "a", 1));
    enriched.add(new EnrichedRecord(0, 1, "a", 1));
    index.add(new IndexRecord("a", 1L));
    index.add(new IndexRecord("a", 1L));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.duplicated()).extracting(AuditReport.Duplicated::topic).containsExactly("news.index", "news.enriched");
    assertThat(report.clean()).isFalse();
  }

  @Test
  void countsAReenrichmentAsAReplacedDocumentNotAsAStoryIndexedTwice() {
    // given a story indexed once, then re-enriched, and compaction removed the first document
    accepted(0, "a", 1);
    enriched.add(new EnrichedRecord(0, 0, "a", 1));
    enriched.add(new EnrichedRecord(0, 1, "a", 1, true));
    index.add(new IndexRecord("a", 1L, true));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.indexed()).isEqualTo(1);
    assertThat(report.duplicated()).isEmpty();
    assertThat(report.clean()).isTrue();
  }

  @Test
  void reportsTheSameAlertTwiceButNotAlertsOfDifferentTypesOrSubscriptions() {
    // given
    accepted(0, "a", 1);
    index.add(new IndexRecord("a", 1L));
    alerts.add(new AlertRecord("sub-1", "a", 1L, "entity"));
    alerts.add(new AlertRecord("sub-1", "a", 1L, "entity"));
    alerts.add(new AlertRecord("sub-1", "a", 1L, "stance"));
    alerts.add(new AlertRecord("sub-2", "a", 1L, "entity"));

    // when
    AuditReport report = audit();

    // then
    assertThat(report.duplicated()).singleElement().satisfies(d -> {
      assertThat(d.topic()).isEqualTo("news.alerts");
      assertThat(d.what()).contains("sub-1").contains("entity");
      assertThat(d.count()).isEqualTo(2);
    });
  }
}
