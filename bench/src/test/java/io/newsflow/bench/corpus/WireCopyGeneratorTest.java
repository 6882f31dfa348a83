package io.newsflow.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireCopyGeneratorTest {

  @Test
  void sameSeedGivesTheSameStories() {
    // given two generators with one seed
    WireCopyGenerator first = new WireCopyGenerator(7);
    WireCopyGenerator second = new WireCopyGenerator(7);

    // when both write five stories
    List<WireCopyGenerator.Story> a = first.stories(5);
    List<WireCopyGenerator.Story> b = second.stories(5);

    // then the stories are identical, document bytes included
    assertThat(a).isEqualTo(b);
    assertThat(a.get(3).toJsonArticle().bytes()).isEqualTo(b.get(3).toJsonArticle().bytes());
  }

  @Test
  void storyDependsOnItsIndexNotOnHowManyWereAsked() {
    // given one seed
    WireCopyGenerator generator = new WireCopyGenerator(11);

    // when asked for a few stories and for many
    List<WireCopyGenerator.Story> few = generator.stories(3);
    List<WireCopyGenerator.Story> many = generator.stories(50);

    // then the first stories are the same
    assertThat(many.subList(0, 3)).isEqualTo(few);
  }

  @Test
  void differentSeedsGiveDifferentText() {
    // given two seeds
    // when each writes its first story
    WireCopyGenerator.Story one = new WireCopyGenerator(1).story(0);
    WireCopyGenerator.Story two = new WireCopyGenerator(2).story(0);

    // then the bodies differ
    assertThat(one.body()).isNotEqualTo(two.body());
  }

  @Test
  void storiesAreAboutSeedLengthAndNameDense() {
    // given the default target of 1,000 tokens
    WireCopyGenerator generator = new WireCopyGenerator(42);

    for (WireCopyGenerator.Story story : generator.stories(40)) {
      // when a story is counted
      int tokens = WireCopyGenerator.countTokens(story.headline() + "\n\n" + story.body());

      // then it is within the target's range plus one paragraph, and quotes and a titled person are present
      assertThat(tokens).isBetween(900, 1250);
      assertThat(story.body()).contains("\u201c").contains(" said ");
      assertThat(WireVocabulary.PEOPLE.stream().map(WireVocabulary.Person::name)
          .anyMatch(story.body()::contains)
          || WireVocabulary.OFFICIALS.stream().map(WireVocabulary.Person::name).anyMatch(story.body()::contains))
          .as("a named person in %s", story.id()).isTrue();
    }
  }

  @Test
  void countsWordsAndPunctuationAsTokens() {
    // given a sentence with 9 words (one hyphenated, one with an apostrophe) and 4 punctuation marks
    String text = "\u201cIt's a cease-fire,\u201d Macron said on Thursday in Paris.";

    // when counted
    // then words and marks are one token each
    assertThat(WireCopyGenerator.countTokens(text)).isEqualTo(13);
  }
}
