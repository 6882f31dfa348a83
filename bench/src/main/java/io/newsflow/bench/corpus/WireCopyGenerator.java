package io.newsflow.bench.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.bench.corpus.WireVocabulary.Country;
import io.newsflow.bench.corpus.WireVocabulary.Person;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated political wire copy of seed length (about 1,000 tokens) and news-like name density: people introduced
 * with title and country then referred to by short name, countries, capitals, organisations, direct quotes and reported
 * speech. Article {@code i} of a seed is always the same text, whatever the count asked for.
 */
public final class WireCopyGenerator {

  /** Tokens as a tokenizer counts them: words (with inner hyphens and apostrophes) and single punctuation marks. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");
  private static final Instant FIRST_PUBLISHED = Instant.parse("2025-03-27T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long seed;
  private final int targetTokens;

  public WireCopyGenerator(long seed, int targetTokens) {
    this.seed = seed;
    this.targetTokens = targetTokens;
  }

  public WireCopyGenerator(long seed) {
    this(seed, 1000);
  }

  /** A generated story: what the JSON document posted to ingest carries. */
  public record Story(String id, String headline, String body, Instant published) {

    public BenchArticle toJsonArticle() {
      ObjectNode node = JSON.createObjectNode()
          .put("id", id)
          .put("headline", headline)
          .put("body", body)
          .put("published", published.toString());
      return new BenchArticle(id, "application/json", node.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  public List<Story> stories(int count) {
    List<Story> stories = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      stories.add(story(i));
    }
    return stories;
  }

  public Story story(int index) {
    Random random = new Random(seed * 1_000_003L + index);
    Writer w = new Writer(random);
    String headline = w.headline();
    // the target varies around the seed length, as real copy does
    int target = targetTokens - targetTokens / 10 + random.nextInt(targetTokens / 5 + 1);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(w.lead());
    int tokens = countTokens(headline) + countTokens(paragraphs.get(0));
    while (tokens < target) {
      String paragraph = w.paragraph();
      paragraphs.add(paragraph);
      tokens += countTokens(paragraph);
    }
    String id = String.format(Locale.ROOT, "urn:newsflow:bench:%d:%06d", seed, index);
    return new Story(id, headline, String.join("\n\n", paragraphs), FIRST_PUBLISHED.plus(Duration.ofMinutes(index)));
  }

  public static int countTokens(String text) {
    Matcher m = TOKEN.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** One story's choices: a cast of people and places drawn once, then sentences about them. */
  private static final class Writer {

    private final Random random;
    private final List<Person> cast = new ArrayList<>();
    private final List<Boolean> introduced = new ArrayList<>();
    private final Country host;
    private final String topic;
    private final String day;

    Writer(Random random) {
      this.random = random;
      int size = 4 + random.nextInt(4);
      while (cast.size() < size) {
        List<Person> pool = random.nextInt(4) == 0 ? WireVocabulary.OFFICIALS : WireVocabulary.PEOPLE;
        Person p = pick(pool);
        if (!cast.contains(p)) {
          cast.add(p);
          introduced.add(false);
        }
      }
      host = pick(WireVocabulary.COUNTRIES);
      topic = pick(WireVocabulary.TOPICS);
      day = pick(WireVocabulary.DAYS);
    }

    String headline() {
      Person p = cast.get(0);
      return switch (random.nextInt(3)) {
        case 0 -> p.shortName() + " " + pick(WireVocabulary.SUPPORT_VERBS) + " " + topic + " at talks in " + host.capital();
        case 1 -> capitalise(host.demonym()) + " talks on " + topic + " end without deal as " + cast.get(1).shortName()
            + " " + pick(WireVocabulary.OPPOSE_VERBS) + " plan";
        default -> capitalise(topic) + ": " + p.shortName() + " and " + cast.get(1).shortName() + " meet in " + host.capital();
      };
    }

    String lead() {
      return host.capital().toUpperCase(Locale.ROOT) + ", " + day + " (Newsflow) - " + mention(0) + " "
          + pick(WireVocabulary.SUPPORT_VERBS) + " " + topic + " on " + day + " at a meeting in " + host.capital()
          + " attended by leaders from more than " + (10 + random.nextInt(30)) + " countries, including "
          + pick(WireVocabulary.COUNTRIES).name() + " and " + pick(WireVocabulary.COUNTRIES).name() + ", as "
          + pick(WireVocabulary.INSTITUTIONS) + " pressed its members to agree before the summer.";
    }

    String paragraph() {
      return switch (random.nextInt(8)) {
        case 0, 1 -> directQuote();
        case 2 -> reportedSpeech();
        case 3 -> stance();
        case 4 -> organisation();
        case 5 -> business();
        default -> background();
      };
    }

    private String directQuote() {
      int who = random.nextInt(cast.size());
      String quote = "\u201c" + pick(WireVocabulary.QUOTES) + ",\u201d " + mention(who) + " "
          + pick(WireVocabulary.SPEECH_VERBS) + " in " + pick(WireVocabulary.COUNTRIES).capital() + ".";
      if (random.nextBoolean()) {
        quote += " \u201c" + pick(WireVocabulary.QUOTES) + ".\u201d";
      }
      return quote;
    }

    private String reportedSpeech() {
      int who = random.nextInt(cast.size());
      Country other = pick(WireVocabulary.COUNTRIES);
      return mention(who) + " said that " + other.name() + " would " + (random.nextBoolean() ? "" : "not ")
          + "take part in " + topic + " unless " + pick(WireVocabulary.INSTITUTIONS) + " agreed to share the costs, "
          + "according to " + pick(List.of("a spokesperson", "two diplomats", "officials", "a government source"))
          + " in " + other.capital() + ". " + sentenceFrom(WireVocabulary.BACKGROUND);
    }

    private String stance() {
      int who = random.nextInt(cast.size());
      List<String> verbs = switch (random.nextInt(3)) {
        case 0 -> WireVocabulary.SUPPORT_VERBS;
        case 1 -> WireVocabulary.OPPOSE_VERBS;
        default -> WireVocabulary.HESITANT_VERBS;
      };
      Country c = pick(WireVocabulary.COUNTRIES);
      return mention(who) + " " + pick(verbs) + " " + pick(WireVocabulary.TOPICS) + ", while " + c.demonym()
          + " officials said " + c.name() + " needed more time to study the proposal with its partners in "
          + pick(WireVocabulary.INSTITUTIONS) + ".";
    }

    private String organisation() {
      String org = pick(WireVocabulary.INSTITUTIONS);
      return capitalise(org) + " said on " + pick(WireVocabulary.DAYS) + " that " + topic + " would cost about "
          + (5 + random.nextInt(95)) + " billion euros over " + (2 + random.nextInt(8)) + " years, and that "
          + pick(WireVocabulary.COUNTRIES).name() + " and " + pick(WireVocabulary.COUNTRIES).name()
          + " had promised to contribute. " + sentenceFrom(WireVocabulary.BACKGROUND);
    }

    private String business() {
      String company = pick(WireVocabulary.COMPANIES);
      return "Shares in " + company + " " + (random.nextBoolean() ? "rose" : "fell") + " " + (1 + random.nextInt(9))
          + " percent in " + pick(WireVocabulary.COUNTRIES).capital() + " after " + pick(WireVocabulary.MEDIA)
          + " reported that the company was in talks with " + pick(WireVocabulary.COUNTRIES).demonym()
          + " officials about " + pick(WireVocabulary.TOPICS) + ". " + company
          + " declined to comment.";
    }

    private String background() {
      String first = sentenceFrom(WireVocabulary.BACKGROUND);
      String second = sentenceFrom(WireVocabulary.BACKGROUND);
      while (second.equals(first)) {
        second = sentenceFrom(WireVocabulary.BACKGROUND);
      }
      return first + " " + second;
    }

    /** "German Chancellor Olaf Scholz" the first time, "Scholz" afterwards, as wire style has it. */
    private String mention(int who) {
      Person p = cast.get(who);
      if (introduced.get(who)) {
        return p.shortName();
      }
      introduced.set(who, true);
      // "French President ...", or an official's organisation as written before a title: "IMF Managing Director ..."
      String owner = WireVocabulary.COUNTRIES.stream().filter(c -> c.name().equals(p.country()))
          .map(Country::demonym).findFirst().orElse(p.country());
      return owner + " " + p.title() + " " + p.name();
    }

    private String sentenceFrom(List<String> sentences) {
      return pick(sentences);
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private static String capitalise(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
