package io.newsflow.nlp.entities;

import io.newsflow.nlp.entities.coref.CompanyForms;
import io.newsflow.nlp.entities.coref.MentionCluster;
import io.newsflow.nlp.entities.coref.MentionClusterer;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.nlp.entities.linking.EntityLinker;
import io.newsflow.nlp.entities.linking.Link;
import io.newsflow.nlp.entities.linking.LinkFeatures;
import io.newsflow.nlp.entities.linking.LinkRanker;
import io.newsflow.nlp.entities.linking.SportContext;
import io.newsflow.kb.names.NameSimilarity;
import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.recognition.NameRecognizer;
import io.newsflow.nlp.entities.recognition.PerceptronRecognizer;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.entities.recognition.OfficeCue;
import io.newsflow.nlp.entities.recognition.TitleFinder;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds people, organisations, places and other names in an article and links them to Wikidata.
 *
 * <p>Recognition is newsflow's own perceptron tagger ({@link PerceptronRecognizer}), corrected by titles ("German Chancellor X": X is a person who
 * holds that office). Mentions are grouped in-story, linked with {@link EntityLinker}, then unlinked
 * person clusters that resemble a linked one are merged into it (a later "Starmer" explains an earlier
 * garbled "Star starhe"). Thread-safe; create one per process with {@link #load()}.
 */
public final class KnowledgeBaseEntityTagger implements EntityTagger {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseEntityTagger.class);
  private static final Pattern NAME_TOKEN = Pattern.compile(
      "\\G\\s*((?:\\p{Lu}[\\p{L}'’.-]*)|(?:von|van|der|den|de|del|da|di|du|la|le|bin|al|ben|ter)(?=\\s+\\p{Lu}))");
  private static final Pattern LOCATIVE_BEFORE = Pattern.compile("\\b(?:in|at|In|At)\\s+$");
  private static final double MERGE_SIMILARITY = 0.85;
  /** What follows a dateline's place on its line: an optional region or country, then a date or "(Reuters)". */
  private static final Pattern DATELINE_REST = Pattern.compile(
      "\\s*(?:,\\s*[\\p{L}. ]{2,30})?,?\\s*(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}\\b|\\(Reuters\\)"
          + "|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b)");
  /** "in Chicago", "At Headingley"; not the capitals of a schedule line ("BOSTON AT OAKLAND": two teams). */
  private static final Pattern LOCATIVE_CUE = Pattern.compile(
      "\\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Oo]utside)\\s+(?:the\\s+)?$");

  private final NameRecognizer recognizer;
  private final KnowledgeBase kb;
  private final TitleFinder titles;
  private final EntityLinker linker;
  private final LinkRanker ranker;

  /** A tagger whose links the rules alone decide. */
  public KnowledgeBaseEntityTagger(NameRecognizer recognizer, KnowledgeBase kb) {
    this(recognizer, kb, null);
  }

  /** A tagger whose links {@code ranker} decides among candidates (the rules' choice one of its features). */
  public KnowledgeBaseEntityTagger(NameRecognizer recognizer, KnowledgeBase kb, LinkRanker ranker) {
    this.recognizer = recognizer;
    this.kb = kb;
    this.titles = new TitleFinder(kb);
    this.linker = new EntityLinker(kb);
    this.ranker = ranker;
  }

  /**
   * Loads the NER model, the knowledge base and the linking ranker from the classpath (a few seconds; once per
   * process).
   */
  public static KnowledgeBaseEntityTagger load() {
    long start = System.nanoTime();
    KnowledgeBase kb = KnowledgeBase.shared();
    NameRecognizer recognizer = PerceptronRecognizer.load();
    LinkRanker ranker = LinkRanker.loadDefault();
    LOG.info("Entity tagger loaded in {} ms ({} knowledge-base identities; recogniser {}; linker {})",
        (System.nanoTime() - start) / 1_000_000, kb.size(), recognizer.modelVersion(),
        ranker == null ? "rules" : "ranker");
    return new KnowledgeBaseEntityTagger(recognizer, kb, ranker);
  }

  /** The same recogniser and knowledge base with another ranker (null: the rules decide). */
  public KnowledgeBaseEntityTagger withRanker(LinkRanker other) {
    return new KnowledgeBaseEntityTagger(recognizer, kb, other);
  }

  /** The ranker that decides links, or null when the rules do. */
  public LinkRanker ranker() {
    return ranker;
  }

  /** The recogniser's model: name, training data, seed, development score. */
  public String modelVersion() {
    return recognizer.modelVersion();
  }

  @Override
  public String version() {
    return recognizer.modelVersion() + " + knowledge base of " + kb.size() + " identities";
  }

  /** The knowledge base links point into. */
  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  @Override
  public List<Entity> tag(ArticleText article) {
    SportContext sport = SportContext.of(article.headline() + "\n" + article.body());
    List<MentionCluster> clusters = clusters(article, sport);
    for (LinkingCase c : linkingCases(clusters, article, sport, ranker != null)) {
      Link link = decide(c);
      if (link != null) {
        c.cluster().link(link.entry().id(), link.entry().name(), link.confidence());
      }
    }
    clusters = mergeSameIdentity(clusters);
    clusters = mergeResemblingPersons(clusters);
    for (MentionCluster c : clusters) {
      retypePlacesTakenForPersons(c, article);
    }
    return entities(clusters, article);
  }

  /**
   * One cluster's linking decision as a ranker sees it: the rules' choice, the candidates and their features.
   *
   * @param cluster    the mentions
   * @param rule       the rules' choice whatever its confidence, or null
   * @param candidates the identities to choose among (empty when no ranker is asked)
   * @param features   one row of {@link LinkFeatures} per candidate
   * @param officeRule whether the rules found a person by a title, family name or likeness who held an office
   *                   on the article's date (or at all, when the article has no date)
   */
  public record LinkingCase(MentionCluster cluster, Link rule, List<KbEntry> candidates, double[][] features,
                            boolean officeRule) {}

  /** The linking decisions of an article before they are taken, with every candidate's features (for training). */
  public List<LinkingCase> linkingCases(ArticleText article) {
    SportContext sport = SportContext.of(article.headline() + "\n" + article.body());
    return linkingCases(clusters(article, sport), article, sport, true);
  }

  /** Recognised, retyped and clustered mentions, not yet linked. */
  private List<MentionCluster> clusters(ArticleText article, SportContext sport) {
    List<Mention> mentions = new ArrayList<>();
    mentions.addAll(recognise(TextField.HEADLINE, article.headline()));
    mentions.addAll(recognise(TextField.BODY, article.body()));
    mentions = retypeDatelines(mentions, article);
    mentions = retypeFamilyNames(mentions);
    mentions = retypeCountries(mentions);
    mentions = CompanyForms.trimmed(mentions, article);
    List<MentionCluster> clusters = new ArrayList<>();
    for (MentionCluster c : MentionClusterer.cluster(mentions)) {
      clusters.addAll(splitByRole(c, article, sport));
    }
    return CompanyForms.joined(clusters, article);
  }

  /**
   * The rules' choice for every cluster, then (when {@code withCandidates}) the candidates of each and their
   * features, which need the countries of what the rules linked elsewhere in the story.
   */
  private List<LinkingCase> linkingCases(List<MentionCluster> clusters, ArticleText article, SportContext story,
                                         boolean withCandidates) {
    int n = clusters.size();
    Link[] rules = new Link[n];
    SportContext[] sports = new SportContext[n];
    boolean[] datelines = new boolean[n];
    boolean[] locatives = new boolean[n];
    Map<String, Integer> countries = new HashMap<>();
    String datelineCountry = null;
    for (int i = 0; i < n; i++) {
      MentionCluster c = clusters.get(i);
      datelines[i] = isDateline(c.mentions().get(0), article);
      locatives[i] = isLocative(c.mentions().get(0), article);
      // a place written as a dateline or after "in"/"at" is the place, not its team
      sports[i] = datelines[i] || locatives[i] ? SportContext.NONE : story;
      rules[i] = linker.ruleLink(c, article.date(), sports[i], datelines[i]);
      String country = confidentCountry(rules[i]);
      if (country != null) {
        countries.merge(country, 1, Integer::sum);
        if (datelines[i] && datelineCountry == null) {
          datelineCountry = country;
        }
      }
    }
    List<LinkingCase> cases = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      MentionCluster c = clusters.get(i);
      boolean officeRule = rules[i] != null && c.type() == EntityType.PERSON
          && OFFICE_EVIDENCE.contains(rules[i].evidence().replace("+date", ""))
          && (article.date() == null || linker.heldAnOfficeOn(rules[i].entry(), article.date()));
      if (!withCandidates) {
        cases.add(new LinkingCase(c, rules[i], List.of(), new double[0][], officeRule));
        continue;
      }
      Map<String, Integer> others = new HashMap<>(countries);
      String own = confidentCountry(rules[i]);
      if (own != null) {
        others.merge(own, -1, Integer::sum);
      }
      List<KbEntry> candidates = linker.candidates(c, sports[i], rules[i]);
      LinkFeatures.Context context = new LinkFeatures.Context(c, article.date(), sports[i], story.isSport(),
          datelines[i], locatives[i], rules[i], others, datelineCountry);
      cases.add(new LinkingCase(c, rules[i], candidates, LinkFeatures.of(context, candidates, linker), officeRule));
    }
    return cases;
  }

  /** The rules' ways of finding a person that rest on the offices of the knowledge base. */
  private static final Set<String> OFFICE_EVIDENCE = Set.of("office", "family-name", "sound-alike");

  /** The country of a confident rule link (the country itself for a country), or null. */
  private static String confidentCountry(Link rule) {
    if (rule == null || !EntityLinker.confident(rule)) {
      return null;
    }
    KbEntry e = rule.entry();
    String country = e.kind().equals("country") ? e.id() : e.countryQid();
    return country == null || country.isEmpty() ? null : country;
  }

  /** The ranker's best candidate if it reaches the ranker's threshold; without a ranker the rules' confident choice. */
  private Link decide(LinkingCase c) {
    if (ranker == null) {
      return c.rule() != null && EntityLinker.confident(c.rule()) ? c.rule() : null;
    }
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < c.candidates().size(); i++) {
      double score = ranker.score(c.features()[i]);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0 || bestScore < ranker.threshold()) {
      // labelled news rarely names someone in office on its date by a title or family name alone (and the
      // base's offices are mostly recent), so a ranker cannot have learnt that such a link is right: the rules'
      // link stands when they are confident
      return c.officeRule() && EntityLinker.confident(c.rule()) ? c.rule() : null;
    }
    KbEntry entry = c.candidates().get(best);
    boolean rulesAgree = c.rule() != null && c.rule().entry().id().equals(entry.id());
    return new Link(entry, bestScore, rulesAgree ? c.rule().evidence() + "+ranked" : "ranked");
  }

  /** A dateline ("CHICAGO 1996-08-22", "BONN, Aug 30") names a place, whatever the model took it for. */
  private static List<Mention> retypeDatelines(List<Mention> mentions, ArticleText article) {
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      out.add(m.type() != EntityType.LOCATION && m.office() == null && isDateline(m, article)
          ? m.withType(EntityType.LOCATION) : m);
    }
    return out;
  }

  /**
   * A lone word the model took for a place or an organisation that is the family name of a person the
   * story names in full ("Washington" after "MaliVai Washington") is that person.
   */
  private List<Mention> retypeFamilyNames(List<Mention> mentions) {
    Set<String> families = new HashSet<>();
    for (Mention m : mentions) {
      List<String> tokens = Names.tokens(m.text());
      if (m.type() == EntityType.PERSON && tokens.size() > 1) {
        families.add(tokens.get(tokens.size() - 1));
      }
    }
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      List<String> tokens = Names.tokens(m.text());
      boolean family = m.type() != EntityType.PERSON && m.type() != EntityType.MISC && tokens.size() == 1
          && families.contains(tokens.get(0));
      out.add(family ? m.withType(EntityType.PERSON) : m);
    }
    return out;
  }

  /**
   * A country's name the model took for an organisation is the country (national teams too are written as
   * their country), unless an organisation other than a team has that very name.
   */
  private List<Mention> retypeCountries(List<Mention> mentions) {
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      boolean country = false;
      if (m.type() == EntityType.ORGANIZATION) {
        List<KbEntry> named = kb.byName(m.text());
        country = named.stream().anyMatch(e -> e.kind().equals("country"))
            && named.stream().noneMatch(e -> e.type() == EntityType.ORGANIZATION && !e.kind().startsWith("team:"));
      }
      out.add(country ? m.withType(EntityType.LOCATION) : m);
    }
    return out;
  }

  static boolean isDateline(Mention m, ArticleText article) {
    String text = article.text(m.field());
    if (m.start() > 0 && text.charAt(m.start() - 1) != '\n') {
      return false;
    }
    int lineEnd = text.indexOf('\n', m.end());
    String rest = text.substring(m.end(), lineEnd < 0 ? text.length() : lineEnd);
    return DATELINE_REST.matcher(rest).lookingAt();
  }

  private static boolean isLocative(Mention m, ArticleText article) {
    String before = article.text(m.field()).substring(Math.max(0, m.start() - 8), m.start());
    return LOCATIVE_CUE.matcher(before).find();
  }

  /**
   * A dateline is linked apart from the rest (it names a city, a later "New York" may be the state); in a
   * sports story so is a place written after "in" or "at" ("in Chicago"), apart from its team ("Chicago
   * beat Boston").
   */
  private static List<MentionCluster> splitByRole(MentionCluster c, ArticleText article, SportContext sport) {
    if (c.type() == EntityType.PERSON || c.type() == EntityType.MISC || c.mentions().size() < 2) {
      return List.of(c);
    }
    MentionCluster place = null;
    MentionCluster other = null;
    for (Mention m : c.mentions()) {
      boolean asPlace = isDateline(m, article) || sport.isSport() && isLocative(m, article);
      if (asPlace) {
        if (place == null) {
          place = new MentionCluster(m);
        } else {
          place.add(m);
        }
      } else if (other == null) {
        other = new MentionCluster(m);
      } else {
        other.add(m);
      }
    }
    List<MentionCluster> out = new ArrayList<>(2);
    if (place != null) {
      out.add(place);
    }
    if (other != null) {
      out.add(other);
    }
    return out;
  }

  /** The recogniser's mentions of one text, corrected by the titles in front of names. */
  List<Mention> recognise(TextField field, String text) {
    List<Mention> mentions = new ArrayList<>(recognizer.recognise(field, text));
    for (OfficeCue cue : titles.find(text)) {
      Mention name = nameAfter(field, text, cue, mentions);
      if (name != null) {
        mentions.removeIf(m -> m.overlaps(field, name.start(), name.end()));
        mentions.add(name);
        mentions.sort(Comparator.comparingInt(Mention::start));
      }
    }
    return mentions;
  }

  /**
   * The person named after a title: the recogniser's mention starting there (whatever type it was given), or
   * the rest of a person's mention that took the title in, extended over directly following name words; or,
   * when the recogniser found nothing, the capitalised words there.
   */
  private static Mention nameAfter(TextField field, String text, OfficeCue cue, List<Mention> mentions) {
    int start = cue.nameStart();
    int end = -1;
    for (Mention m : mentions) {
      if (m.start() < start && m.end() > start) {
        if (m.type() != EntityType.PERSON) {
          return null; // the title is inside a longer name ("President Hotel"), leave it
        }
        end = m.end(); // the title taken into a person's name ("President Trump"): the name alone
        continue;
      }
      if (m.start() == start || end > 0 && m.start() > end && isBlank(text, end, m.start())) {
        end = m.end(); // "Georgia" + "Meloni" are one name
      }
    }
    if (end < 0) {
      Matcher words = NAME_TOKEN.matcher(text);
      words.region(start, text.length());
      int count = 0;
      while (count < 4 && words.find()) {
        end = words.end();
        count++;
      }
    }
    if (end <= start) {
      return null;
    }
    String name = text.substring(start, end);
    if (name.endsWith(".") && !name.matches(".*\\b\\p{Lu}\\.$")) {
      end--;
      name = name.substring(0, name.length() - 1);
    }
    return new Mention(field, start, end, name, EntityType.PERSON, cue);
  }

  /** Whether the text between two offsets is all white space, read in place (the gap may run to the end). */
  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<MentionCluster> mergeSameIdentity(List<MentionCluster> clusters) {
    List<MentionCluster> out = new ArrayList<>();
    for (MentionCluster c : clusters) {
      MentionCluster same = null;
      if (c.linked()) {
        for (MentionCluster o : out) {
          if (c.linkId().equals(o.linkId()) && c.type() == o.type()) {
            same = o;
            break;
          }
        }
      }
      if (same == null) {
        out.add(c);
      } else {
        same.absorb(c);
      }
    }
    return out;
  }

  /** An unlinked person whose name resembles a person of the story is that person, garbled. */
  private static List<MentionCluster> mergeResemblingPersons(List<MentionCluster> clusters) {
    List<MentionCluster> out = new ArrayList<>(clusters);
    for (Iterator<MentionCluster> it = out.iterator(); it.hasNext(); ) {
      MentionCluster c = it.next();
      if (c.type() != EntityType.PERSON || c.linked()) {
        continue;
      }
      List<String> tokens = Names.tokens(c.fullest().text());
      MentionCluster target = null;
      double best = MERGE_SIMILARITY;
      for (MentionCluster o : out) {
        if (o == c || o.type() != EntityType.PERSON) {
          continue;
        }
        List<String> other = Names.tokens(o.linked() ? o.linkName() : o.fullest().text());
        double sim = Math.max(NameSimilarity.names(tokens, other), NameSimilarity.names(other, tokens));
        if (sim >= best && (o.linked() || o.mentions().size() >= c.mentions().size())) {
          best = sim;
          target = o;
        }
      }
      if (target != null) {
        target.absorb(c);
        it.remove();
      }
    }
    return out;
  }

  /**
   * "talks in Elise on Thursday": a one-word name the model took for a person, unknown to the knowledge
   * base and only ever written after "in" or "at", is a place.
   */
  static void retypePlacesTakenForPersons(MentionCluster c, ArticleText article) {
    if (c.type() != EntityType.PERSON || c.linked() || c.tokens().size() != 1 || !c.offices().isEmpty()) {
      return;
    }
    for (Mention m : c.mentions()) {
      String before = article.text(m.field()).substring(Math.max(0, m.start() - 4), m.start());
      if (!LOCATIVE_BEFORE.matcher(before).find()) {
        return;
      }
    }
    c.retype(EntityType.LOCATION);
  }

  private static List<Entity> entities(List<MentionCluster> clusters, ArticleText article) {
    int bodyLength = Math.max(1, article.body().length());
    List<Entity> entities = new ArrayList<>();
    for (MentionCluster c : clusters) {
      List<TextSpan> spans = c.mentions().stream()
          .sorted(Comparator.comparing((Mention m) -> m.field() == TextField.HEADLINE ? 0 : 1)
              .thenComparingInt(Mention::start))
          .map(m -> article.span(m.field(), m.start(), m.end()))
          .toList();
      TextSpan first = spans.get(0);
      double position = first.field() == TextField.HEADLINE ? 1.0
          : first.start() < 400 ? 0.8 : 0.6 * (1 - (double) first.start() / bodyLength);
      double frequency = 1 - Math.exp(-spans.size() / 3.0);
      double salience = Math.round((0.5 * position + 0.5 * frequency) * 1000) / 1000.0;
      String name = c.linked() ? c.linkName() : displayName(c);
      String id = c.linked() ? c.linkId() : Names.localId(c.type().name().toLowerCase(Locale.ROOT), name);
      double confidence = c.linked() ? c.confidence() : c.offices().isEmpty() ? 0.7 : 0.8;
      entities.add(new Entity(id, name, c.type(), c.linked(), spans, salience,
          Math.round(confidence * 1000) / 1000.0));
    }
    entities.sort(Comparator.comparingDouble(Entity::salience).reversed());
    return entities;
  }

  private static String displayName(MentionCluster c) {
    String text = c.fullest().text().strip();
    if (text.endsWith("'s") || text.endsWith("’s")) {
      text = text.substring(0, text.length() - 2);
    }
    return text;
  }
}
