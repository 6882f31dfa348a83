package io.newsflow.nlp.entities.linking;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sport a story reports, from its words ("wicket", "innings" → cricket; "pitcher", "home run" →
 * baseball), or none. In a sports story a place's name often names its team ("Cleveland beat Boston",
 * "England were 245 for six"), which {@link EntityLinker} then looks for among the teams of that sport.
 */
public final class SportContext {

  /** A story that is not about a team sport. */
  public static final SportContext NONE = new SportContext(null);

  /**
   * Words that speak for a sport, its own name first (which counts twice); a story needs
   * {@link #MIN_EVIDENCE} of them, more than for any other sport.
   */
  private static final Map<String, List<String>> CUES = Map.of(
      "soccer", List.of("soccer", "football", "striker", "midfielder", "goalkeeper", "defender", "penalty",
          "goal", "goals", "uefa", "fifa", "premier league", "first division", "second division", "division one",
          "bundesliga", "serie a", "scored", "equaliser", "equalizer", "halftime", "half-time"),
      "cricket", List.of("cricket", "wicket", "wickets", "innings", "batsman", "bowled", "bowler", "lbw",
          "not out", "test match", "one-day", "all-rounder", "county championship", "overs", "spinner"),
      "baseball", List.of("baseball", "inning", "pitcher", "home run", "homer", "homered", "runs batted", "rbi",
          "major league", "american league", "national league", "doubleheader", "strikeouts", "bullpen",
          "shortstop", "outfielder"),
      "basketball", List.of("basketball", "nba", "rebounds", "three-pointer", "point guard", "slam dunk"),
      "hockey", List.of("hockey", "nhl", "goaltender", "puck", "power-play", "power play", "shutout"),
      "rugby", List.of("rugby", "scrum", "tries", "fly-half", "flyhalf", "lock forward", "conversion", "five nations"),
      "american-football", List.of("nfl", "quarterback", "touchdown", "touchdowns", "yards", "super bowl",
          "linebacker", "field goal"));
  private static final int MIN_EVIDENCE = 3;
  private static final Map<String, String> SPORT_OF_WORD = new HashMap<>();
  private static final Pattern WORD = Pattern.compile("[a-z]+(?:-[a-z]+)?");

  static {
    CUES.forEach((sport, words) -> words.forEach(w -> SPORT_OF_WORD.put(w, sport)));
  }

  private final String sport;

  private SportContext(String sport) {
    this.sport = sport;
  }

  /** The sport the text's words speak for most, if they speak for one clearly enough. */
  public static SportContext of(String text) {
    Map<String, Integer> evidence = new HashMap<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    String previous = "";
    while (m.find()) {
      String word = m.group();
      String sport = SPORT_OF_WORD.get(word);
      String pairSport = SPORT_OF_WORD.get(previous + " " + word);
      if (pairSport != null) {
        evidence.merge(pairSport, 1, Integer::sum);
      } else if (sport != null) {
        // the sport's own name ("SOCCER - ...", "cricket") says more than a word of its jargon
        evidence.merge(sport, CUES.get(sport).get(0).equals(word) ? 2 : 1, Integer::sum);
      }
      previous = word;
    }
    String best = null;
    int bestCount = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : evidence.entrySet()) {
      if (e.getValue() > bestCount) {
        second = bestCount;
        best = e.getKey();
        bestCount = e.getValue();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    return best != null && bestCount >= MIN_EVIDENCE && bestCount > second ? new SportContext(best) : NONE;
  }

  /** The sport, such as "cricket" or "baseball", or null when the story is not about a team sport. */
  public String sport() {
    return sport;
  }

  public boolean isSport() {
    return sport != null;
  }

  /** Whether a knowledge-base kind ({@code team:cricket}, {@code team:sport}) is a team of this story's sport. */
  public boolean fits(String kind) {
    return sport != null && (kind.equals("team:" + sport) || kind.equals("team:sport") && sport.equals("soccer"));
  }

  @Override
  public String toString() {
    return sport == null ? "no sport" : sport;
  }
}
