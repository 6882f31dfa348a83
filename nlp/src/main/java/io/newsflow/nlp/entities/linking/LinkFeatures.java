package io.newsflow.nlp.entities.linking;

import io.newsflow.kb.EntityType;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.names.NameSimilarity;
import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.coref.MentionCluster;
import io.newsflow.nlp.entities.coref.MentionClusterer;
import io.newsflow.nlp.model.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a ranker knows of one candidate identity for one cluster of mentions: the rules' verdict (their choice,
 * its confidence and mechanism), the popularity prior and how it compares with the other candidates', how the
 * name matches, type and kind agreement, sport and dateline context, offices held, and coherence with the
 * countries the story's other entities belong to. Named, dense features: the model file lists weights by name.
 */
public final class LinkFeatures {

  private static final String[] EVIDENCE = {"office", "exact-name", "family-name", "sound-alike", "demonym", "name",
      "team"};
  private static final String[] KINDS = {"country", "admin1", "city", "place", "admin2", "intl-org", "org", "org-ror",
      "party", "legislature", "team", "person", "work", "product", "other"};
  private static final EntityType[] TYPES = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION,
      EntityType.MISC};

  /** Feature names, in the order of {@link #of}'s array. */
  public static final List<String> NAMES;
  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    List<String> names = new ArrayList<>(List.of("bias", "rule.none", "rule.pick", "rule.pick.confidence",
        "rule.pick.date", "rule.other", "prior", "prior.best", "prior.gap", "candidates.log", "candidates.one",
        "name.canonical", "name.alias", "name.other", "name.similarity", "type.same", "qid", "sport.story",
        "sport.team.fits", "sport.country-or-region", "dateline.city", "dateline.region", "locative.place",
        "person.office", "person.leader", "person.held", "date.none", "coherence.country", "coherence.dateline",
        "cluster.size.log", "cluster.headline", "cluster.capitals", "mention.one-token", "demonym.country"));
    for (String e : EVIDENCE) {
      names.add("rule.pick.evidence." + e);
      // a lone family name or a name alike is right when its holder was in office on the story's date
      names.add("rule.pick.evidence." + e + ".held");
    }
    for (String k : KINDS) {
      names.add("kind." + k);
    }
    for (EntityType mention : TYPES) {
      for (EntityType candidate : TYPES) {
        names.add("type." + code(mention) + "." + code(candidate));
      }
    }
    // what a kind of identity means depends on the story and on what the recogniser took the name for: a
    // country in a sports story is often its team, a city taken for an organisation often a club
    for (String k : KINDS) {
      names.add("sport.kind." + k);
      names.add("capitals.kind." + k);
      names.add("pick.kind." + k);
      for (EntityType mention : TYPES) {
        names.add("type." + code(mention) + ".kind." + k);
      }
    }
    NAMES = List.copyOf(names);
    for (int i = 0; i < NAMES.size(); i++) {
      INDEX.put(NAMES.get(i), i);
    }
  }

  /**
   * The story around a cluster.
   *
   * @param cluster          the mentions
   * @param date             the article's date, or null
   * @param sport            the sport context the cluster is linked in (none for datelines and "in Chicago")
   * @param sportStory       whether the story is about a sport at all
   * @param dateline         whether the cluster is the dateline
   * @param locative         whether its first mention follows "in", "at", "near", "from"
   * @param rule             the rules' choice and confidence, or null
   * @param otherCountries   countries (QIDs) of what the rules linked elsewhere in the story, with counts
   * @param datelineCountry  country of the dateline's place, or null
   */
  public record Context(MentionCluster cluster, LocalDate date, SportContext sport, boolean sportStory,
                        boolean dateline, boolean locative, Link rule, Map<String, Integer> otherCountries,
                        String datelineCountry) {}

  private LinkFeatures() {}

  /** The features of each candidate, one row per candidate. */
  public static double[][] of(Context context, List<KbEntry> candidates, EntityLinker linker) {
    MentionCluster cluster = context.cluster();
    String text = cluster.fullest().text();
    String key = MentionClusterer.stripArticle(Names.key(text));
    List<String> tokens = Names.tokens(text);
    java.util.Set<String> named = new java.util.HashSet<>();
    for (KbEntry e : linker.byKey(key)) {
      named.add(e.id());
    }
    String demonym = cluster.type() == EntityType.MISC ? linker.countryOfDemonym(text) : null;
    double bestPrior = 0;
    double secondPrior = 0;
    for (KbEntry c : candidates) {
      if (c.prior() > bestPrior) {
        secondPrior = bestPrior;
        bestPrior = c.prior();
      } else if (c.prior() > secondPrior) {
        secondPrior = c.prior();
      }
    }
    double[][] rows = new double[candidates.size()][];
    for (int i = 0; i < candidates.size(); i++) {
      KbEntry c = candidates.get(i);
      double[] x = new double[NAMES.size()];
      set(x, "bias", 1);
      Link rule = context.rule();
      boolean pick = rule != null && rule.entry().id().equals(c.id());
      set(x, "rule.none", rule == null ? 1 : 0);
      set(x, "rule.other", rule != null && !pick ? 1 : 0);
      if (pick) {
        set(x, "rule.pick", 1);
        set(x, "rule.pick.confidence", rule.confidence());
        set(x, "rule.pick.date", rule.evidence().endsWith("+date") ? 1 : 0);
        String evidence = rule.evidence().replace("+date", "");
        if (INDEX.containsKey("rule.pick.evidence." + evidence)) {
          set(x, "rule.pick.evidence." + evidence, 1);
          if (c.type() == EntityType.PERSON && context.date() != null && linker.heldAnOfficeOn(c, context.date())) {
            set(x, "rule.pick.evidence." + evidence + ".held", 1);
          }
        }
      }
      set(x, "prior", c.prior());
      set(x, "prior.best", c.prior() >= bestPrior ? 1 : 0);
      set(x, "prior.gap", c.prior() - (c.prior() >= bestPrior ? secondPrior : bestPrior));
      set(x, "candidates.log", Math.log(candidates.size()));
      set(x, "candidates.one", candidates.size() == 1 ? 1 : 0);
      // the candidate's name tokens are its name's key split; an identity keyed under the mention's key that is
      // not its own name has it as an alias
      boolean canonical = MentionClusterer.stripArticle(String.join(" ", c.nameTokens())).equals(key);
      boolean alias = !canonical && named.contains(c.id());
      set(x, "name.canonical", canonical ? 1 : 0);
      set(x, "name.alias", alias ? 1 : 0);
      set(x, "name.other", canonical || alias ? 0 : 1);
      set(x, "name.similarity", tokens.isEmpty() || c.nameTokens().isEmpty() ? 0
          : NameSimilarity.names(tokens, c.nameTokens()));
      set(x, "type.same", c.type() == cluster.type() ? 1 : 0);
      set(x, "type." + code(cluster.type()) + "." + code(c.type()), 1);
      String kind = kindGroup(c.kind());
      set(x, "kind." + kind, 1);
      set(x, "type." + code(cluster.type()) + ".kind." + kind, 1);
      if (context.sportStory()) {
        set(x, "sport.kind." + kind, 1);
      }
      if (text.equals(text.toUpperCase(Locale.ROOT)) && text.length() > 3) {
        set(x, "capitals.kind." + kind, 1);
      }
      if (pick) {
        set(x, "pick.kind." + kind, 1);
      }
      set(x, "qid", c.hasQid() ? 1 : 0);
      set(x, "sport.story", context.sportStory() ? 1 : 0);
      set(x, "sport.team.fits", context.sport().isSport() && context.sport().fits(c.kind()) ? 1 : 0);
      boolean region = c.kind().equals("country") || c.kind().equals("admin1");
      set(x, "sport.country-or-region", context.sport().isSport() && region ? 1 : 0);
      set(x, "dateline.city", context.dateline() && (c.kind().equals("city") || c.kind().equals("place")) ? 1 : 0);
      set(x, "dateline.region", context.dateline() && region ? 1 : 0);
      set(x, "locative.place", context.locative() && c.type() == EntityType.LOCATION ? 1 : 0);
      if (c.type() == EntityType.PERSON) {
        set(x, "person.office", linker.hasOffices(c) ? 1 : 0);
        set(x, "person.leader", linker.wasLeader(c) ? 1 : 0);
        set(x, "person.held", context.date() != null && linker.heldAnOfficeOn(c, context.date()) ? 1 : 0);
      }
      set(x, "date.none", context.date() == null ? 1 : 0);
      String country = c.kind().equals("country") ? c.id() : c.countryQid();
      set(x, "coherence.country", country != null && !country.isEmpty()
          ? Math.min(3, context.otherCountries().getOrDefault(country, 0)) / 3.0 : 0);
      set(x, "coherence.dateline", country != null && !country.isEmpty() && country.equals(context.datelineCountry())
          ? 1 : 0);
      set(x, "cluster.size.log", Math.log(cluster.mentions().size()));
      set(x, "cluster.headline", cluster.mentions().get(0).field() == TextField.HEADLINE ? 1 : 0);
      set(x, "cluster.capitals", text.equals(text.toUpperCase(Locale.ROOT)) && text.length() > 3 ? 1 : 0);
      set(x, "mention.one-token", tokens.size() == 1 ? 1 : 0);
      set(x, "demonym.country", c.id().equals(demonym) ? 1 : 0);
      rows[i] = x;
    }
    return rows;
  }

  private static void set(double[] x, String name, double value) {
    x[INDEX.get(name)] = value;
  }

  static String kindGroup(String kind) {
    if (kind.startsWith("team:")) {
      return "team";
    }
    if (kind.startsWith("org:")) {
      return "org-ror";
    }
    return switch (kind) {
      case "country", "admin1", "city", "place", "intl-org", "org", "party", "legislature", "person", "work",
          "product" -> kind;
      case "admin2", "district", "neighbourhood", "constituency" -> "admin2";
      default -> "other";
    };
  }

  private static String code(EntityType type) {
    return switch (type) {
      case PERSON -> "per";
      case ORGANIZATION -> "org";
      case LOCATION -> "loc";
      default -> "misc";
    };
  }
}
