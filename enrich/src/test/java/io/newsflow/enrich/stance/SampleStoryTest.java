package io.newsflow.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.model.ArticleText;
import io.newsflow.enrich.model.Entity;
import io.newsflow.enrich.model.Quote;
import io.newsflow.enrich.model.Stance;
import io.newsflow.enrich.model.StanceTagger;
import io.newsflow.schemas.avro.Polarity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real machine-translated sample story from ../shared/samples; skipped when that folder is absent. */
class SampleStoryTest {

  private static final Path SAMPLE = Path.of("../../shared/samples/coalition-paris.txt");
  private static final Path SAMPLE_FROM_ROOT = Path.of("../shared/samples/coalition-paris.txt");
  private static final StanceTagger TAGGER = RuleStanceTagger.load();
  private static StanceTagger.Result result;

  @BeforeAll
  static void tagTheSample() throws IOException {
    Path path = Files.exists(SAMPLE) ? SAMPLE : SAMPLE_FROM_ROOT;
    Assumptions.assumeTrue(Files.exists(path), "sample story not present at ../shared/samples");
    String all = Files.readString(path);
    int nl = all.indexOf('\n');
    ArticleText text = new ArticleText(all.substring(0, nl), all.substring(nl + 1).strip(), "en", null);
    List<Entity> entities = EntityFixture.entities()
        .person("Q3052772", "Emmanuel Macron", "Emmanuel Macron", "Macron")
        .person("Q3874799", "Volodymyr Zelensky", "Volodimir Zelenski", "Zelenski")
        .person("Q22686", "Donald Trump", "Donald Trump", "Trump")
        .person("Q6383803", "Keir Starmer", "Star starhe", "Starmer")
        .person("Q7174", "Vladimir Putin", "Putin")
        .person("Q60772", "Ursula von der Leyen", "Ursula von der Layenhe")
        .person("Q2908", "Giorgia Meloni", "Georgia Meloni")
        .person("Q61053", "Olaf Scholz", "Altf Saltz")
        .place("Q142", "France", "France", "Paris")
        .place("Q145", "United Kingdom", "Britain", "London")
        .place("Q212", "Ukraine", "Ukraine", "Kiev")
        .place("Q30", "United States", "US", "Washington")
        .place("Q159", "Russia", "Russia", "Moscow")
        .place("Q35", "Denmark", "Denmark")
        .place("Q36", "Poland", "Poland")
        .place("Q41", "Greece", "Greece")
        .place("Q46", "Europe", "Europe")
        .place("Q166162", "Black Sea", "Black Sea")
        .org("Q458", "European Union", "EU")
        .org("Q8908", "European Commission", "European Commission")
        .org("Q7184", "NATO", "NATO")
        .org("Q180503", "Financial Times", "Financial Times")
        .in(text);
    result = TAGGER.tag(text, entities);
    result.quotes().forEach(q -> System.err.println("Q " + q));
    result.stances().forEach(s -> System.err.println("S " + s.holder().name() + " " + s.polarity() + " ["
        + s.target() + "] te=" + s.targetEntity() + " obo=" + s.onBehalfOf() + " rep=" + s.reportedBy()
        + " c=" + s.confidence() + " :: " + s.evidence().text()));
  }

  @Test
  void franceSupportsDeployingTroopsEvenWithoutTheUs() {
    assertThat(polarities("Q142")).contains(Polarity.SUPPORT).doesNotContain(Polarity.OPPOSE);
  }

  private List<Polarity> polarities(String holderId) {
    return result.stances().stream()
        .filter(s -> s.holder().id().equals(holderId)
            || (s.onBehalfOf() != null && s.onBehalfOf().id().equals(holderId)))
        .map(Stance::polarity).toList();
  }

  private List<Quote> quotesBy(String speakerId) {
    return result.quotes().stream().filter(q -> q.speaker() != null && q.speaker().id().equals(speakerId)).toList();
  }
}
