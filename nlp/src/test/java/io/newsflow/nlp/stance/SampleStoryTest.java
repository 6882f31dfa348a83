package io.newsflow.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.Quote;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.Polarity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real machine-translated sample story (garbled names included), read from ../shared/samples; skipped when that
 * folder is absent. The entity list simulates the entity step with the names as they are spelled in the text.
 */
class SampleStoryTest {

  private static final List<Path> CANDIDATES = List.of(Path.of("../../shared/samples/coalition-paris.txt"),
      Path.of("../shared/samples/coalition-paris.txt"));
  private static StanceTagger.Result result;

  @BeforeAll
  static void tagTheSample() throws IOException {
    Optional<Path> path = CANDIDATES.stream().filter(Files::exists).findFirst();
    Assumptions.assumeTrue(path.isPresent(), "sample story not present at ../shared/samples");
    String all = Files.readString(path.get());
    int nl = all.indexOf('\n');
    ArticleText text = new ArticleText(all.substring(0, nl), all.substring(nl + 1).strip(), "en", null);
    List<Entity> entities = EntityFixture.entities()
        .person("Q3052772", "Emmanuel Macron", "Emmanuel Macron", "Macron")
        .person("Q3874799", "Volodymyr Zelensky", "Volodimir Zelenski", "Zelenski")
        .person("Q22686", "Donald Trump", "Donald Trump", "Trump")
        .person("Q6383803", "Keir Starmer", "Star starhe", "Starmer")
        .person("Q7747", "Vladimir Putin", "Putin")
        .person("Q60772", "Ursula von der Leyen", "Ursula von der Layenhe")
        .person("Q3236790", "Giorgia Meloni", "Georgia Meloni")
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
        .org("Q458", "European Union", "EU")
        .org("Q8880", "European Commission", "European Commission")
        .org("Q7184", "NATO", "NATO")
        .org("Q180503", "Financial Times", "Financial Times")
        .in(text);
    result = RuleStanceTagger.load().tag(text, entities);
  }

  @Test
  void franceSupportsDeployingTroopsEvenWithoutTheUs() {
    assertThat(stancesOf("Q142")).anySatisfy(s -> {
      assertThat(s.polarity()).isEqualTo(Polarity.SUPPORT);
      assertThat(s.target()).contains("troops in Ukraine");
      assertThat(s.evidence().text()).contains("even without the support of the US");
    });
    assertThat(polaritiesOf("Q142")).doesNotContain(Polarity.OPPOSE);
  }

  @Test
  void denmarkAndTheBalticStatesAgreeToTakePartAsTheFinancialTimesReports() {
    for (String holder : List.of("Q35", "local:group:baltic-states")) {
      assertThat(stancesOf(holder)).singleElement().satisfies(s -> {
        assertThat(s.polarity()).isEqualTo(Polarity.SUPPORT);
        assertThat(s.reportedBy()).isEqualTo(new EntityRef("Q180503", "Financial Times"));
        assertThat(s.evidence().text()).contains("have agreed to participate");
      });
    }
  }

  @Test
  void polandAndGreeceAreHesitantNotSupportive() {
    for (String holder : List.of("Q36", "Q41")) {
      assertThat(stancesOf(holder)).singleElement().satisfies(s -> {
        assertThat(s.polarity()).isEqualTo(Polarity.HESITANT);
        assertThat(s.evidence().text()).contains("are hesitant to commit troops");
      });
    }
  }

  @Test
  void meloniIsHesitantAndSpeaksForItaly() {
    assertThat(stancesOf("Q3236790")).singleElement().satisfies(s -> {
      assertThat(s.polarity()).isEqualTo(Polarity.HESITANT);
      assertThat(s.onBehalfOf()).isEqualTo(new EntityRef("Q38", "Italy"));
      assertThat(s.evidence().text()).contains("“premature”");
    });
  }

  @Test
  void trumpRefusingToCommitOpposesOnBehalfOfTheUs() {
    assertThat(stancesOf("Q22686")).anySatisfy(s -> {
      assertThat(s.polarity()).isEqualTo(Polarity.OPPOSE);
      assertThat(s.onBehalfOf()).isEqualTo(new EntityRef("Q30", "United States"));
      assertThat(s.evidence().text()).contains("refusal to commit");
    });
    assertThat(polaritiesOf("Q22686")).doesNotContain(Polarity.SUPPORT);
    assertThat(polaritiesOf("Q30")).doesNotContain(Polarity.SUPPORT);
  }

  @Test
  void starmerOpposesRussiaPlayingGames() {
    assertThat(stancesOf("Q6383803")).anySatisfy(s -> {
      assertThat(s.polarity()).isEqualTo(Polarity.OPPOSE);
      assertThat(s.targetEntity()).isEqualTo(new EntityRef("Q159", "Russia"));
      assertThat(s.evidence().text()).contains("Russia is playing games");
    });
    assertThat(stancesOf("Q159")).isEmpty();
  }

  @Test
  void easternWingCountriesAreCautiousUnlessProtected() {
    assertThat(stancesOf("local:group:eastern-wing-countries")).singleElement()
        .satisfies(s -> assertThat(s.polarity()).isEqualTo(Polarity.HESITANT));
  }

  @Test
  void quotesAreAttributedToMacronStarmerAndZelensky() {
    assertThat(speakerOf("I believe that within three to four weeks")).isEqualTo("Q3052772");
    assertThat(speakerOf("This is Europe that is united")).isEqualTo("Q6383803");
    assertThat(speakerOf("The collective feeling is that Russia")).isEqualTo("Q6383803");
    assertThat(speakerOf("We need a clear plan")).isEqualTo("Q3874799");
    assertThat(speakerOf("It is obvious that the power")).isEqualTo("Q3874799");
    assertThat(speakerOf("But we have to prepare for the possibility")).isEqualTo("Q3052772");
  }

  @Test
  void theAllianceNameInQuoteMarksIsNotAQuote() {
    assertThat(result.quotes()).noneMatch(q -> q.span().text().equals("Alliance of the willing"));
  }

  private List<Stance> stancesOf(String holderId) {
    return result.stances().stream().filter(s -> s.holder().id().equals(holderId)).toList();
  }

  private List<Polarity> polaritiesOf(String holderId) {
    return result.stances().stream()
        .filter(s -> s.holder().id().equals(holderId)
            || (s.onBehalfOf() != null && s.onBehalfOf().id().equals(holderId)))
        .map(Stance::polarity).toList();
  }

  private String speakerOf(String quoteStart) {
    Quote quote = result.quotes().stream().filter(q -> q.span().text().startsWith(quoteStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no quote starting " + quoteStart));
    return quote.speaker() == null ? null : quote.speaker().id();
  }
}
