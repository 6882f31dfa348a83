package io.newsflow.nlp.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.stance.EntityFixture;
import io.newsflow.nlp.text.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {

  private static final Lexicon LEXICON = Lexicon.load();
  private static final QuoteFinder FINDER = new QuoteFinder(LEXICON);
  private static final EntityFixture PEOPLE = EntityFixture.entities()
      .person("local:person:ana-ruiz", "Ana Ruiz", "Ana Ruiz", "Ruiz")
      .person("local:person:tom-berg", "Tom Berg", "Tom Berg", "Berg")
      .person("local:person:lena-fischer", "Lena Fischer", "Lena Fischer", "Fischer")
      .org("local:org:harbour-city", "Harbour City", "Harbour City")
      .place("Q29", "Spain", "Spain");

  @Test
  void straightQuoteIsAttributedToTheNameAfterIt() {
    // given
    String body = "\"We will win the vote,\" Ruiz said on Monday.";
    // when
    List<Frame> frames = find(body);
    // then
    assertThat(frames).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Frame.Kind.DIRECT);
      assertThat(body.substring(f.start(), f.end())).isEqualTo("We will win the vote");
      assertThat(f.speaker().id()).isEqualTo("local:person:ana-ruiz");
    });
  }

  @Test
  void textEndingInACommaIsNoTrailingSource() {
    // given: found by the fuzz test; the last token of the text is a comma
    String body = "Ruiz met the mayor of Harbour City,";
    // when
    List<Frame> frames = find(body);
    // then
    assertThat(frames).isEmpty();
  }

  @Test
  void typographicQuoteWithInvertedVerbIsAttributed() {
    List<Frame> frames = find("“The offer stays on the table,” said Tom Berg.");
    assertThat(frames).singleElement().satisfies(f -> assertThat(f.speaker().id()).isEqualTo("local:person:tom-berg"));
  }

  @Test
  void singleTypographicMarksQuoteButApostrophesDoNot() {
    // given: an apostrophe in "Fischer’s" and a club name before the coach's name
    String body = "Fischer’s team lost. ‘We were robbed in the final minute,’ said Harbour City coach Lena Fischer.";
    // when
    List<Frame> frames = find(body);
    // then
    assertThat(frames).singleElement().satisfies(f -> {
      assertThat(body.substring(f.start(), f.end())).isEqualTo("We were robbed in the final minute");
      assertThat(f.speaker().id()).isEqualTo("local:person:lena-fischer");
    });
  }

  @Test
  void quoteSpanningSentencesIsOneQuote() {
    String body = "“We have waited long enough. Now we act together,” Ruiz said.";
    List<Frame> frames = find(body);
    assertThat(frames).singleElement().satisfies(f -> {
      assertThat(body.substring(f.start(), f.end())).isEqualTo("We have waited long enough. Now we act together");
      assertThat(f.speaker().id()).isEqualTo("local:person:ana-ruiz");
    });
  }

  @Test
  void quoteInterruptedByHeAddedKeepsItsSpeakerOnBothSides() {
    // given: the pronoun's nearest person in subject position is Berg, not Ruiz who only appears after "with"
    String body = "Tom Berg spoke after a meeting with Ana Ruiz. “The plan is ready,” he added. “It starts next week.”";
    // when
    List<Frame> frames = find(body);
    // then
    assertThat(frames).hasSize(2).allSatisfy(f -> assertThat(f.speaker().id()).isEqualTo("local:person:tom-berg"));
  }

  @Test
  void reportedSpeechWithThatIsAReportedQuote() {
    String body = "Ruiz said on Thursday that the talks would resume in May.";
    List<Frame> frames = find(body);
    assertThat(frames).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Frame.Kind.REPORTED);
      assertThat(body.substring(f.start(), f.end())).isEqualTo("the talks would resume in May");
      assertThat(f.speaker().id()).isEqualTo("local:person:ana-ruiz");
    });
  }

  @Test
  void reportedSpeechWithoutThatIsAReportedQuote() {
    String body = "Berg said the court was not yet ready.";
    assertThat(find(body)).singleElement().satisfies(f -> {
      assertThat(body.substring(f.start(), f.end())).isEqualTo("the court was not yet ready");
      assertThat(f.speaker().id()).isEqualTo("local:person:tom-berg");
    });
  }

  @Test
  void titlePhraseSpeakerIsTheTitledPerson() {
    String body = "Spanish Prime Minister Ana Ruiz met Tom Berg. Later, the Spanish prime minister said that the deal was close.";
    assertThat(find(body)).singleElement()
        .satisfies(f -> assertThat(f.speaker().id()).isEqualTo("local:person:ana-ruiz"));
  }

  @Test
  void quoteIntroducedByAColonBelongsToTheSubject() {
    String body = "Ruiz called on her allies to act: “We need a clear plan now.”";
    assertThat(find(body)).singleElement()
        .satisfies(f -> assertThat(f.speaker().id()).isEqualTo("local:person:ana-ruiz"));
  }

  @Test
  void unnamedSpeakersStayUnknown() {
    String body = "“This cannot go on much longer,” a spokesman said. “We are leaving the talks today,” they said.";
    assertThat(find(body)).hasSize(2).allSatisfy(f -> assertThat(f.speaker()).isNull());
  }

  @Test
  void sourceAtTheEndOfASentenceReportsIt() {
    String body = "Spain is ready to join the mission, Ana Ruiz said.";
    assertThat(find(body)).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Frame.Kind.REPORTED);
      assertThat(body.substring(f.start(), f.end())).isEqualTo("Spain is ready to join the mission");
      assertThat(f.speaker().id()).isEqualTo("local:person:ana-ruiz");
    });
  }

  @Test
  void shortUnattributedQuoteIsANameNotAQuote() {
    assertThat(find("The summit of the ‘Coalition of the willing’ ended late.")).isEmpty();
  }

  private static List<Frame> find(String body) {
    ArticleText text = new ArticleText("", body, "en", null);
    List<Entity> entities = PEOPLE.in(text);
    return FINDER.find(new ArticleReferents(new Document(text), entities, LEXICON));
  }
}
