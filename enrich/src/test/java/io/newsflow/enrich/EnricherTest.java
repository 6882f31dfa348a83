package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import io.newsflow.schemas.serde.AvroSerde;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnricherTest {

  private static final String SENTENCE = "The regional council met in Bologna on Tuesday to discuss the flood defences. ";

  private static LanguageIdentifier languages;
  private final List<ArticleText> read = new ArrayList<>();
  private final Enricher enricher = new Enricher(languages, text -> {
    read.add(text);
    return List.of();
  }, (text, found) -> StanceTagger.Result.empty(), Clock.systemUTC());

  @BeforeAll
  static void loadLanguages() {
    languages = LanguageIdentifier.load();
    AvroSerde.of(RawArticle.class); // tells Avro to trust the generated records, as every service does at start
  }

  @Test
  void readsAWireStoryWhole() {
    EnrichedArticle out = enricher.enrich(article(SENTENCE.repeat(40)));

    assertThat(read).singleElement().satisfies(text -> assertThat(text.body()).isEqualTo(SENTENCE.repeat(40)));
    assertThat(out.getSteps()).containsExactly("language", "entities", "stances", "quotes");
  }

  @Test
  void recordsTheModelOfEachStepItRan() {
    // given taggers that say which models they are
    Enricher versioned = new Enricher(languages, new EntityTagger() {
      @Override
      public List<Entity> tag(ArticleText text) {
        return List.of();
      }

      @Override
      public String version() {
        return "ner-test-7";
      }
    }, (text, found) -> StanceTagger.Result.empty(), Clock.systemUTC());

    // when an English story and a story in a language without NLP are enriched
    EnrichedArticle english = versioned.enrich(article(SENTENCE.repeat(10)));
    EnrichedArticle other = versioned.enrich(RawArticle.newBuilder(article("Il consiglio regionale si è riunito a "
        + "Bologna martedì per discutere delle difese contro le alluvioni.")).setLanguage("it").build());

    // then each records the models of the steps that ran, and only those
    assertThat(english.getModels()).containsEntry("entities", "ner-test-7").containsKeys("language", "stances");
    assertThat(other.getLanguage()).isEqualTo("it");
    assertThat(other.getModels()).containsOnlyKeys("language");
  }

  @Test
  void readsOnlyTheStartOfAHugeBodyUpToAWordBoundaryAndSaysSo() {
    // given a body of 250,000 characters
    String body = SENTENCE.repeat(250_000 / SENTENCE.length() + 1);

    // when it is enriched
    EnrichedArticle out = enricher.enrich(article(body));

    // then the NLP steps read its start, cut between words, and the article keeps its whole body
    String seen = read.get(0).body();
    assertThat(seen.length()).isLessThanOrEqualTo(Enricher.NLP_MAX_BODY_CHARS).isGreaterThan(Enricher.NLP_MAX_BODY_CHARS - 100);
    assertThat(body).startsWith(seen);
    assertThat(Character.isWhitespace(body.charAt(seen.length()))).isTrue();
    assertThat(out.getArticle().getBody()).isEqualTo(body);
    assertThat(out.getSteps()).contains(Enricher.TRUNCATED_STEP);
  }

  @Test
  void readsOnlyTheStartOfAHugeHeadline() {
    // given a feed that put a whole text on the headline line
    String headline = SENTENCE.repeat(Enricher.NLP_MAX_HEADLINE_CHARS / SENTENCE.length() * 20);

    // when it is enriched
    EnrichedArticle out = enricher.enrich(RawArticle.newBuilder(article("Body.")).setHeadline(headline).build());

    // then the NLP steps read the headline's start, and the article keeps it whole
    assertThat(read.get(0).headline().length()).isLessThanOrEqualTo(Enricher.NLP_MAX_HEADLINE_CHARS);
    assertThat(headline).startsWith(read.get(0).headline());
    assertThat(out.getArticle().getHeadline()).isEqualTo(headline);
    assertThat(out.getSteps()).contains(Enricher.TRUNCATED_STEP);
  }

  @Test
  void neverCutsACharacterOutsideTheBasicPlaneInTwo() {
    // given a huge body without whitespace, of characters written as surrogate pairs, one char out of step
    String body = "x" + "😀".repeat(Enricher.NLP_MAX_BODY_CHARS);

    // then the part read ends on a whole character
    String seen = Enricher.readable(body, Enricher.NLP_MAX_BODY_CHARS);
    assertThat(seen.length()).isLessThan(body.length()).isOdd();
    assertThat(Character.isHighSurrogate(seen.charAt(seen.length() - 1))).isFalse();
    assertThat(seen.codePoints().filter(c -> Character.isSurrogate((char) c))).isEmpty();
  }

  @Test
  void readsAStoryWhoseLanguageCannotBeDetectedInItsSourcesLanguage() {
    // given a results table from a source configured as English, and one from a source with no language
    RawArticle table = RawArticle.newBuilder(article("1. Ajax 12 9 2 1 30-8 29\n2. PSV 12 8 3 1 27-9 27"))
        .setHeadline("Dutch table").setLanguage(null).setSource("reuters").build();
    Enricher withSources = enricher.withSourceLanguages(SourceLanguages.parse("reuters:en,afp:fr", null));

    // when both are enriched
    EnrichedArticle fromReuters = withSources.enrich(table);
    EnrichedArticle fromElsewhere = withSources.enrich(RawArticle.newBuilder(table).setSource("desk").build());

    // then the first is read as English, said to be so because of its source; the other stays undetermined
    assertThat(fromReuters.getLanguage()).isEqualTo("en");
    assertThat(fromReuters.getLanguageSource()).isEqualTo(Enricher.LANGUAGE_FROM_SOURCE);
    assertThat(fromReuters.getSteps()).contains("entities", "stances");
    assertThat(fromElsewhere.getLanguage()).isEqualTo(LanguageIdentifier.UNDETERMINED);
    assertThat(fromElsewhere.getSteps()).containsExactly("language");
    assertThat(read).hasSize(1);
  }

  @Test
  void keepsADeclaredOrDetectedLanguageOverTheSourcesLanguage() {
    Enricher withSources = enricher.withSourceLanguages(SourceLanguages.parse("test:fr", "de"));

    EnrichedArticle out = withSources.enrich(article(SENTENCE.repeat(3)));

    assertThat(out.getLanguage()).isEqualTo("en");
    assertThat(out.getLanguageSource()).isEqualTo("record");
  }

  private static RawArticle article(String body) {
    return RawArticle.newBuilder().setId("urn:test:long").setVersion(1).setSource("test").setFormat(SourceFormat.TEXT)
        .setHeadline("Council meets on flood defences").setBody(body).setLanguage("en")
        .setReceived(Instant.parse("2026-05-16T08:00:00Z")).setContentType("text/plain")
        .setOriginalDigest("o").setTextDigest("t").build();
  }
}
