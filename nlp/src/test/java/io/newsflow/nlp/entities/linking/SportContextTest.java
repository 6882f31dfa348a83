package io.newsflow.nlp.entities.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SportContextTest {

  @Test
  void aCricketReportIsAboutCricket() {
    // given a county match report (written for this test)
    String text = "CRICKET - KENT HOLD ON\nKent were 210 for six at the close, their spinner taking four wickets "
        + "as the visitors' innings folded after lunch.";
    // when
    SportContext sport = SportContext.of(text);
    // then
    assertThat(sport.sport()).isEqualTo("cricket");
    assertThat(sport.fits("team:cricket")).isTrue();
    assertThat(sport.fits("team:baseball")).isFalse();
  }

  @Test
  void baseballResultsAreAboutBaseball() {
    // given a results paragraph with the jargon of baseball
    String text = "The pitcher allowed two hits over eight innings and the shortstop homered in the ninth inning.";
    // when / then
    assertThat(SportContext.of(text).sport()).isEqualTo("baseball");
  }

  @Test
  void aPoliticalStoryWithOneSportingWordIsNoSportsStory() {
    // given "goal" once in a story about a summit
    String text = "Ministers said the goal of the summit was a ceasefire before the winter.";
    // when
    SportContext sport = SportContext.of(text);
    // then
    assertThat(sport.isSport()).isFalse();
    assertThat(sport.fits("team:soccer")).isFalse();
  }

  @Test
  void aClubOfUnnamedSportCountsAsFootball() {
    // given a soccer story and a club described only as a "sport club"
    SportContext soccer = SportContext.of("SOCCER - the striker scored twice.");
    // when / then
    assertThat(soccer.fits("team:sport")).isTrue();
    assertThat(SportContext.of("CRICKET - the batsman was bowled for 12.").fits("team:sport")).isFalse();
  }
}
