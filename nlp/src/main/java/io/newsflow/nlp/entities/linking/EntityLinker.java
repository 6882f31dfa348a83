package io.newsflow.nlp.entities.linking;

import io.newsflow.nlp.entities.coref.CompanyForms;
import io.newsflow.nlp.entities.coref.MentionCluster;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.entities.coref.MentionClusterer;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.kb.OfficeTerm;
import io.newsflow.kb.names.NameSimilarity;
import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.recognition.OfficeCue;
import io.newsflow.kb.EntityType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links a cluster of mentions to a knowledge-base identity, or to none when no candidate is convincing.
 *
 * <p>Persons: holders of the office named by a title on the article's date ("German Chancellor" →
 * Chancellor of Germany), then the exact name, the family name of a leader, and sound-alike or
 * spelling-distance matches over the candidate index. Other names: exact names and aliases ranked by
 * popularity prior, demonyms for nationality adjectives, and sound-alike matches for garbled names.
 * Every link carries a confidence; below {@link #THRESHOLD} the cluster stays unlinked.
 */
public final class EntityLinker {

  /**
   * Links less confident than this are not made: an unlinked entity is better than a wrong one. It holds for a
   * person found by an office, a family name or a garbled name's likeness (whose confidence already weighs the
   * evidence); a link by a name the base holds, ranked by popularity, needs {@link #NAME_THRESHOLD}.
   */
  public static final double THRESHOLD = 0.6;
  /**
   * The confidence a link by name and popularity needs: with a base of 320,000 identities many names have
   * several, and the prior's margin alone was wrong too often. Chosen on testa (the development split) by
   * right links minus 1.5 times wrong ones over 0.6-0.85 (nlp/ENTITIES.md).
   */
  public static final double NAME_THRESHOLD = 0.8;

  private static final int MAX_SOUND_CANDIDATES = 600;
  /** Candidates offered to a ranker besides the rules' choice. */
  private static final int MAX_CANDIDATES = 40;
  /**
   * A garbled family name keeps most of its spelling ("Zelenski", "Starmr"); a different name that only
   * sounds alike ("Lebed" and "Lapid") does not.
   */
  private static final double MIN_FAMILY_SPELLING = 0.8;
  /** A garbled given name keeps most of its spelling too ("Volodimir"); "Mauro" for "Artur" is someone else. */
  private static final double MIN_GIVEN_SPELLING = 0.75;

  private final KnowledgeBase kb;
  /** Office terms by title and scope: a bounded set (titles × countries), filled as stories name them. */
  private final java.util.Map<String, List<OfficeTerm>> termsByCue = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, List<List<String>>> holderNames = new java.util.concurrent.ConcurrentHashMap<>();
  /** Office holders by id, made once from the base: the titles news uses name the same few thousand people. */
  private final java.util.Map<String, KbEntry> holders = new java.util.concurrent.ConcurrentHashMap<>();
  /** Whether an office (role and country) is national, by role: a bounded set, a few thousand roles. */
  private final java.util.Map<String, Boolean> nationalRoles = new java.util.concurrent.ConcurrentHashMap<>();

  public EntityLinker(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** The best identity for the cluster, if it reaches the threshold. */
  public Optional<Link> link(MentionCluster cluster, LocalDate date) {
    return link(cluster, date, SportContext.NONE, false);
  }

  /**
   * The best identity for the cluster in a story about {@code sport} (a place's name may then name its
   * team), if it reaches the threshold. A dateline ("CHICAGO 1996-08-22") names a city: towns and cities
   * are preferred over states and regions of the same name.
   */
  public Optional<Link> link(MentionCluster cluster, LocalDate date, SportContext sport, boolean dateline) {
    return Optional.ofNullable(ruleLink(cluster, date, sport, dateline)).filter(EntityLinker::confident);
  }

  /** Whether a link is confident enough to be made: {@link #THRESHOLD} or {@link #NAME_THRESHOLD} by its evidence. */
  public static boolean confident(Link link) {
    boolean byName = link.evidence().equals("name") || link.evidence().equals("exact-name");
    return link.confidence() >= (byName ? NAME_THRESHOLD : THRESHOLD);
  }

  /** The rules' best identity for the cluster whatever its confidence, or null when the rules find none. */
  public Link ruleLink(MentionCluster cluster, LocalDate date, SportContext sport, boolean dateline) {
    return cluster.type() == EntityType.PERSON ? linkPerson(cluster, date, sport) : linkName(cluster, sport, dateline);
  }

  /**
   * The identities a ranker chooses among for the cluster: the rules' choice, every identity with the cluster's
   * fullest name or alias (of any type: the recogniser's type can be wrong), for a lone family name the office
   * holders with it, the teams of the story's sport with the name, and a nationality word's country; at most
   * {@code MAX_CANDIDATES} besides the rules' choice, the most popular first.
   */
  public List<KbEntry> candidates(MentionCluster cluster, SportContext sport, Link rule) {
    Map<String, KbEntry> out = new LinkedHashMap<>();
    if (rule != null) {
      out.put(rule.entry().id(), rule.entry());
    }
    String text = cluster.fullest().text();
    String key = MentionClusterer.stripArticle(Names.key(text));
    List<KbEntry> pool = new ArrayList<>(kb.byKey(key));
    List<String> tokens = Names.tokens(text);
    if (cluster.type() == EntityType.PERSON && tokens.size() == 1) {
      for (KbEntry p : kb.personsByFamilyName(tokens.get(0))) {
        if (!kb.termsOf(p.id()).isEmpty()) {
          pool.add(p);
        }
      }
    }
    if (sport.isSport()) {
      pool.addAll(teams(key, kb.byKey(key), sport));
    }
    String country = cluster.type() == EntityType.MISC ? demonymCountry(text) : null;
    if (country != null && kb.byId(country) != null) {
      pool.add(kb.byId(country));
    }
    pool.sort(java.util.Comparator.comparingDouble(KbEntry::prior).reversed());
    for (KbEntry e : pool) {
      if (out.size() > MAX_CANDIDATES) {
        break;
      }
      out.putIfAbsent(e.id(), e);
    }
    return List.copyOf(out.values());
  }

  /** The country QID a nationality word names ("French", "Ukrainians"), or null. */
  public String countryOfDemonym(String text) {
    return demonymCountry(text);
  }

  /** Whether the person held an office of the knowledge base on the date. */
  public boolean heldAnOfficeOn(KbEntry person, LocalDate date) {
    return heldOfficeOn(person, date);
  }

  /** Whether the knowledge base knows an office the person held. */
  public boolean hasOffices(KbEntry person) {
    return !kb.termsOf(person.id()).isEmpty();
  }

  /** Identities with this name key. */
  public List<KbEntry> byKey(String key) {
    return kb.byKey(key);
  }

  /** Whether the person was ever a head of state or government or an international official. */
  public boolean wasLeader(KbEntry person) {
    return isLeader(person);
  }

  // ---------------------------------------------------------------- persons

  private Link linkPerson(MentionCluster cluster, LocalDate date, SportContext sport) {
    List<String> tokens = Names.tokens(cluster.fullest().text());
    if (tokens.isEmpty()) {
      return null;
    }
    List<OfficeCue> offices = cluster.offices();
    if (!offices.isEmpty()) {
      Link byOffice = byOffice(tokens, offices, date);
      if (byOffice != null) {
        return byOffice;
      }
    }
    List<KbEntry> exact = persons(kb.byKey(String.join(" ", tokens)));
    if (sport.isSport() && !exact.isEmpty()) {
      // a sports story's "Michael Johnson" is the sprinter, not the legislator of that name the base holds
      exact = exact.stream().filter(p -> !hasOffices(p) || isLeader(p)).toList();
      if (exact.isEmpty()) {
        return null;
      }
    }
    if (!exact.isEmpty()) {
      return pickByDate(exact, date, exact.size() == 1 ? 0.95 : 0.7, "exact-name");
    }
    if (tokens.size() == 1) {
      return byFamilyName(tokens.get(0), date);
    }
    return bySound(tokens, date);
  }

  /** Holders of the titled office, ranked by name likeness and by holding it on the date. */
  private Link byOffice(List<String> tokens, List<OfficeCue> offices, LocalDate date) {
    Map<String, Double> heldScore = new LinkedHashMap<>();
    // a title that names no country ("President X") admits every president: the name must then match well
    boolean scoped = offices.stream().anyMatch(c -> c.scopeId() != null);
    double minSimilarity = scoped ? 0.6 : 0.85;
    double minFamily = scoped ? 0.65 : 0.9;
    for (OfficeCue cue : offices) {
      String scopeKey = cue.scopeName() == null ? null : Names.key(cue.scopeName());
      for (OfficeTerm t : termsOf(cue, scopeKey)) {
        double held = date == null || t.heldOn(date) ? 1.0 : 0.3;
        heldScore.merge(t.personId(), held, Math::max);
      }
    }
    Scored best = null;
    Scored second = null;
    for (Map.Entry<String, Double> c : heldScore.entrySet()) {
      KbEntry person = holders.computeIfAbsent(c.getKey(), kb::byId);
      // the family name first: it rules out nearly every holder of the title, and costs less than the whole name;
      // for a title of any country (thousands of holders) a family name that close starts with the same letter
      if (person == null || !scoped && !familyInitialMatches(tokens, person)
          || familySimilarity(tokens, person) < minFamily) {
        continue;
      }
      double sim = nameSimilarity(tokens, person);
      if (sim < minSimilarity) {
        continue;
      }
      Scored s = new Scored(person, 0.75 * sim + 0.25 * c.getValue());
      if (best == null || s.score > best.score) {
        second = best;
        best = s;
      } else if (second == null || s.score > second.score) {
        second = s;
      }
    }
    if (best == null || second != null && best.score - second.score < 0.03) {
      return null;
    }
    return new Link(best.entry, Math.min(0.98, best.score), "office");
  }

  /**
   * The office terms a title names (scanning every term once per distinct title and scope, then remembered). A
   * title that names no country ("President X") names a country's office, not a region's or a chamber's: the
   * base's 200,000 terms hold thousands of regional presidents and premiers, whom likeness would then match.
   */
  private List<OfficeTerm> termsOf(OfficeCue cue, String scopeKey) {
    String key = cue.title() + '|' + cue.scopeId() + '|' + scopeKey;
    boolean unscoped = cue.scopeId() == null && scopeKey == null;
    return termsByCue.computeIfAbsent(key, k -> {
      List<OfficeTerm> terms = new ArrayList<>();
      for (OfficeTerm t : kb.terms()) {
        if (titleMatches(t.role(), cue.title()) && scopeMatches(t, cue, scopeKey) && (!unscoped || isNational(t))) {
          terms.add(t);
        }
      }
      return List.copyOf(terms);
    });
  }

  private static boolean titleMatches(String role, String title) {
    boolean deputy = role.contains("vice") || role.contains("deputy") || role.contains("under ")
        || role.contains("co prince");
    if (deputy && !title.startsWith("vice") && !title.startsWith("deputy")) {
      return false;
    }
    return switch (title) {
      case "king", "queen", "emperor" -> role.contains("monarch") || role.contains(title) || role.contains("emperor");
      case "secretary general" -> role.contains("secretary general");
      case "prime minister" -> role.contains("prime minister") || role.contains("premier")
          || role.contains("president of the council of ministers") || role.contains("president of the government");
      default -> role.contains(title);
    };
  }

  private static boolean scopeMatches(OfficeTerm t, OfficeCue cue, String scopeKey) {
    if (cue.scopeId() == null) {
      return true;
    }
    return t.countryQid().equals(cue.scopeId()) || scopeKey != null && t.role().contains(scopeKey);
  }

  private Link byFamilyName(String token, LocalDate date) {
    List<KbEntry> leaders = new ArrayList<>();
    for (KbEntry p : kb.personsByFamilyName(token)) {
      if (isLeader(p) && !leaders.contains(p)) {
        leaders.add(p);
      }
    }
    if (!leaders.isEmpty()) {
      return pickByDate(leaders, date, leaders.size() == 1 ? 0.8 : 0.55, "family-name");
    }
    if (token.length() < 5) {
      return null;
    }
    // a garbled family name of a leader ("Zelenski")
    List<KbEntry> alike = new ArrayList<>();
    for (KbEntry p : soundCandidates(List.of(token))) {
      if (p.type() == EntityType.PERSON && isLeader(p) && familySimilarity(List.of(token), p) >= 0.92
          && familySpelling(token, p) >= MIN_FAMILY_SPELLING) {
        alike.add(p);
      }
    }
    return alike.size() == 1 ? new Link(alike.get(0), 0.7, "sound-alike") : null;
  }

  private Link bySound(List<String> tokens, LocalDate date) {
    Scored best = null;
    Scored second = null;
    for (KbEntry p : soundCandidates(tokens)) {
      // only leaders (heads of state and government, international officials), whom the news names daily, are
      // matched by likeness: a name that resembles another famous person's ("Michael Green", "Bob Dole") or one
      // of the base's hundred thousand legislators ("Phil Simmons", "Paula Simons") is usually someone else
      if (p.type() != EntityType.PERSON || !isLeader(p)) {
        continue;
      }
      double sim = garbledNameSimilarity(tokens, p);
      if (sim < 0.86 || !sameGivenName(tokens, p)) {
        continue;
      }
      double score = sim * (date == null || heldOfficeOn(p, date) ? 1.0 : 0.97);
      Scored s = new Scored(p, score);
      if (best == null || s.score > best.score) {
        if (best != null && !best.entry.id().equals(p.id())) {
          second = best;
        }
        best = s;
      } else if (!best.entry.id().equals(p.id()) && (second == null || s.score > second.score)) {
        second = s;
      }
    }
    if (best == null || second != null && best.score - second.score < 0.03) {
      return null;
    }
    return new Link(best.entry, best.score * 0.95, "sound-alike");
  }

  private Link pickByDate(List<KbEntry> candidates, LocalDate date, double confidence, String evidence) {
    if (candidates.size() == 1) {
      return new Link(candidates.get(0), confidence, evidence);
    }
    if (date != null) {
      List<KbEntry> inOffice = candidates.stream().filter(p -> heldOfficeOn(p, date)).toList();
      if (inOffice.size() == 1) {
        return new Link(inOffice.get(0), Math.max(confidence, 0.8), evidence + "+date");
      }
    }
    return null;
  }

  private boolean heldOfficeOn(KbEntry person, LocalDate date) {
    for (OfficeTerm t : kb.termsOf(person.id())) {
      if (t.heldOn(date)) {
        return true;
      }
    }
    return false;
  }

  private boolean isLeader(KbEntry person) {
    for (OfficeTerm t : kb.termsOf(person.id())) {
      if (t.roleType().equals("international_official") || t.roleType().startsWith("head_of") && isNational(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a head's office is that of the country rather than of one of its regions: the sources file the
   * President of the Sakha Republic and the Premier of South Australia as heads of state and government of
   * Russia and Australia, and matching news names by likeness against every regional head links strangers.
   * An office is regional when the place it is "of" is not the country but a region or city of the base.
   */
  private boolean isNational(OfficeTerm t) {
    return nationalRoles.computeIfAbsent(t.role() + '|' + t.countryQid(), k -> {
      int of = t.role().indexOf(" of ");
      if (of < 0) {
        return true;
      }
      String place = MentionClusterer.stripArticle(t.role().substring(of + 4));
      KbEntry country = kb.byId(t.countryQid());
      if (country != null && isNameOf(place, country)) {
        return true;
      }
      return kb.byKey(place).stream().noneMatch(e -> e.type() == EntityType.LOCATION && !e.kind().equals("country"));
    });
  }

  private static boolean isNameOf(String key, KbEntry e) {
    if (key.equals(Names.key(e.name()))) {
      return true;
    }
    for (String alias : e.aliases()) {
      if (key.equals(Names.key(alias))) {
        return true;
      }
    }
    return false;
  }

  private double nameSimilarity(List<String> tokens, KbEntry e) {
    double best = 0;
    for (List<String> name : nameTokens(e)) {
      best = Math.max(best, NameSimilarity.names(tokens, name));
    }
    return best;
  }

  /** The tokens of an office holder's name and aliases, remembered (office holders are a few thousand). */
  private List<List<String>> nameTokens(KbEntry e) {
    return holderNames.computeIfAbsent(e.id(), id -> {
      List<List<String>> names = new ArrayList<>();
      names.add(e.nameTokens());
      for (String a : e.aliases()) {
        names.add(Names.tokens(a));
      }
      return List.copyOf(names);
    });
  }

  /**
   * How well a possibly garbled name matches one of the entry's names whose family name (last token) the
   * mention's last token resembles in sound and in spelling: "Volodimir Zelenski" is Volodymyr Zelenskyy,
   * but "Boris Yeltsin" is not someone whose family name merely sounds like one of the mention's tokens.
   */
  private static double garbledNameSimilarity(List<String> tokens, KbEntry e) {
    String last = tokens.get(tokens.size() - 1);
    double best = 0;
    for (List<String> name : names(e)) {
      String family = name.get(name.size() - 1);
      if (NameSimilarity.tokens(last, family) >= 0.85
          && NameSimilarity.jaroWinkler(last, family) >= MIN_FAMILY_SPELLING) {
        best = Math.max(best, NameSimilarity.names(tokens, name));
      }
    }
    return best;
  }

  /**
   * Whether a mention with a given name can be the entry by it: the same initial or a close spelling of one of
   * the entry's given names ("Volodimir" and "Volodymyr"), not another name with the same family name
   * ("Mauro Silva" is not Artur Silva, "Glen Osborne" not George Osborne). A lone family name passes.
   */
  private static boolean sameGivenName(List<String> tokens, KbEntry e) {
    if (tokens.size() < 2) {
      return true;
    }
    String given = tokens.get(0);
    for (List<String> name : names(e)) {
      if (name.size() < 2) {
        continue;
      }
      String theirs = name.get(0);
      boolean initial = (given.length() == 1 || theirs.length() == 1) && given.charAt(0) == theirs.charAt(0);
      if (initial || NameSimilarity.jaroWinkler(given, theirs) >= MIN_GIVEN_SPELLING) {
        return true;
      }
    }
    return false;
  }

  /** The best spelling likeness (Jaro-Winkler) of the token to a family name of the entry. */
  private static double familySpelling(String token, KbEntry e) {
    double best = 0;
    for (List<String> name : names(e)) {
      best = Math.max(best, NameSimilarity.jaroWinkler(token, name.get(name.size() - 1)));
    }
    return best;
  }

  private static List<List<String>> names(KbEntry e) {
    List<List<String>> names = new ArrayList<>(e.aliases().size() + 1);
    names.add(e.nameTokens());
    for (String a : e.aliases()) {
      List<String> t = Names.tokens(a);
      if (!t.isEmpty()) {
        names.add(t);
      }
    }
    return names;
  }

  /** Whether some mention token starts with the letter the family name of one of the entry's names starts with. */
  private boolean familyInitialMatches(List<String> tokens, KbEntry e) {
    for (List<String> nt : nameTokens(e)) {
      if (nt.isEmpty()) {
        continue;
      }
      char initial = nt.get(nt.size() - 1).charAt(0);
      for (String t : tokens) {
        if (t.charAt(0) == initial) {
          return true;
        }
      }
    }
    return false;
  }

  /** How well some mention token matches the family name (last token) of one of the entry's names. */
  private double familySimilarity(List<String> tokens, KbEntry e) {
    double best = 0;
    for (List<String> nt : nameTokens(e)) {
      if (nt.isEmpty()) {
        continue;
      }
      String family = nt.get(nt.size() - 1);
      for (String t : tokens) {
        best = Math.max(best, NameSimilarity.tokens(t, family));
      }
    }
    return best;
  }

  private List<KbEntry> persons(List<KbEntry> entries) {
    return entries.stream().filter(e -> e.type() == EntityType.PERSON).toList();
  }

  private Set<KbEntry> soundCandidates(List<String> tokens) {
    Set<KbEntry> out = new LinkedHashSet<>();
    for (String t : tokens) {
      if (t.length() < 3) {
        continue;
      }
      List<KbEntry> alike = kb.bySound(t);
      if (alike.size() <= MAX_SOUND_CANDIDATES) {
        out.addAll(alike);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- places, organisations, misc

  private Link linkName(MentionCluster cluster, SportContext sport, boolean dateline) {
    String text = cluster.fullest().text();
    String fullKey = MentionClusterer.stripArticle(Names.key(text));
    if (fullKey.isEmpty()) {
      return null;
    }
    if (cluster.type() != EntityType.ORGANIZATION) {
      return linkName(cluster, sport, dateline, text, fullKey);
    }
    // a company: its fullest name, else the name without the designator, else its other forms in the story
    Link first = null;
    for (String key : companyKeys(cluster, fullKey)) {
      Link link = linkName(cluster, sport, dateline, text, key);
      if (link != null && confident(link)) {
        return link;
      }
      if (first == null) {
        first = link;
      }
    }
    return first;
  }

  private Link linkName(MentionCluster cluster, SportContext sport, boolean dateline, String text, String key) {
    if (cluster.type() == EntityType.MISC) {
      String country = demonymCountry(text);
      if (country != null && kb.byId(country) != null) {
        return new Link(kb.byId(country), 0.9, "demonym");
      }
    }
    List<KbEntry> named = kb.byKey(key);
    if (sport.isSport() && cluster.type() != EntityType.MISC) {
      List<KbEntry> teams = teams(key, named, sport);
      if (teams.size() == 1) {
        return new Link(teams.get(0), 0.8, "team");
      }
      if (teams.size() > 1) {
        return null; // "New York" in baseball: the Yankees or the Mets, and not the state
      }
    }
    List<KbEntry> exact = named.stream().filter(e -> compatible(e, cluster.type())).toList();
    if (cluster.type() == EntityType.ORGANIZATION
        && named.stream().anyMatch(e -> e.type() == EntityType.LOCATION && Names.key(e.name()).equals(key))) {
      // a place name used for an organisation (a team, a council) only links by that organisation's own name;
      // a place that merely has the name among its aliases (the town of Moi is also "EU") does not make it one
      exact = exact.stream().filter(e -> Names.key(e.name()).equals(key)).toList();
    }
    if (!exact.isEmpty()) {
      Link place = rankByPrior(exact, key, dateline);
      String kind = place.entry().kind();
      if (sport.isSport() && (kind.equals("country") || kind.equals("admin1"))) {
        // "Romania beat Lithuania", "Essex closed in on victory": a national or county team the knowledge
        // base lacks, not the country (a city of that name is more often the place itself)
        return null;
      }
      return place;
    }
    // a name the knowledge base knows as something else is not a garbled name
    return named.isEmpty() ? soundAlikeName(Names.tokens(key), cluster.type()) : null;
  }

  /**
   * The keys a company is looked up by, in turn: its fullest name; the name without the designator that ends it
   * ("Magna International Inc" → "magna international"); its other forms in the story, longest first ("Degussa"
   * beside "Degussa AG", "ATT" beside "American Telephone and Telegraph Co"). Only keys the base knows as an
   * organisation's name or alias, except the fullest name, which is always tried.
   */
  private List<String> companyKeys(MentionCluster cluster, String fullKey) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(fullKey);
    keys.add(CompanyForms.withoutDesignators(fullKey));
    List<String> others = new ArrayList<>();
    for (Mention m : cluster.mentions()) {
      String other = MentionClusterer.stripArticle(Names.key(m.text()));
      if (other.length() >= 2 && !others.contains(other)) {
        others.add(other);
      }
    }
    others.sort(java.util.Comparator.comparingInt(String::length).reversed());
    keys.addAll(others);
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      if (key.equals(fullKey) || namesAnOrganisation(key)) {
        out.add(key);
      }
    }
    return out;
  }

  /** Whether the base has an organisation with this name or alias. */
  private boolean namesAnOrganisation(String key) {
    return kb.byKey(key).stream().anyMatch(e -> e.type() == EntityType.ORGANIZATION);
  }

  /**
   * The teams of the story's sport with this name: those the name itself names ("Yankees"), else those
   * named after the place ("Cleveland" → Cleveland Indians in baseball, Cleveland Browns in American
   * football), else those once named after it ("California" → the Angels, once the California Angels).
   */
  private List<KbEntry> teams(String key, List<KbEntry> named, SportContext sport) {
    List<KbEntry> teams = named.stream().filter(e -> sport.fits(e.kind())).distinct().toList();
    if (teams.isEmpty()) {
      teams = kb.teamsByPlace(key).stream().filter(e -> sport.fits(e.kind())).distinct().toList();
    }
    if (teams.isEmpty()) {
      teams = kb.teamsByFormerPlace(key).stream().filter(e -> sport.fits(e.kind())).distinct().toList();
    }
    return teams;
  }

  private String demonymCountry(String text) {
    String c = kb.countryOfDemonym(text);
    if (c == null && text.length() > 4 && text.toLowerCase(Locale.ROOT).endsWith("s")) {
      c = kb.countryOfDemonym(text.substring(0, text.length() - 1)); // "Ukrainians"
    }
    return c;
  }

  private static boolean compatible(KbEntry e, EntityType type) {
    return e.type() == type;
  }

  /**
   * The most likely of several identities with the name: popularity prior, raised for an identity whose
   * own name (not an alias) it is and for one with a Wikidata id.
   */
  private static Link rankByPrior(List<KbEntry> candidates, String key, boolean dateline) {
    Map<String, Scored> distinct = new HashMap<>();
    for (KbEntry e : candidates) {
      double score = e.prior() + (Names.key(e.name()).equals(key) ? 0.15 : 0) + (e.hasQid() ? 0.05 : 0)
          + (dateline && (e.kind().equals("city") || e.kind().equals("place")) ? 0.2 : 0);
      distinct.putIfAbsent(e.id(), new Scored(e, score));
    }
    List<Scored> ranked = new ArrayList<>(distinct.values());
    ranked.sort((a, b) -> Double.compare(b.score, a.score));
    Scored best = ranked.get(0);
    double prior = Math.min(1.0, best.score);
    if (ranked.size() == 1) {
      return new Link(best.entry, 0.65 + 0.35 * prior, "name");
    }
    double margin = best.score - ranked.get(1).score;
    return new Link(best.entry, Math.min(0.97, 0.45 + 0.35 * prior + margin), "name");
  }

  private Link soundAlikeName(List<String> tokens, EntityType type) {
    if (String.join("", tokens).length() < 5) {
      return null;
    }
    Scored best = null;
    for (KbEntry e : soundCandidates(tokens)) {
      if (!compatible(e, type)) {
        continue;
      }
      List<String> nameTokens = e.nameTokens();
      if (nameTokens.size() != tokens.size()) {
        continue;
      }
      double sim = NameSimilarity.names(tokens, nameTokens);
      // sounding alike is not enough for a place or a company: the spelling must be close too
      if (sim < 0.9 || NameSimilarity.jaroWinkler(String.join(" ", tokens), String.join(" ", nameTokens)) < 0.9) {
        continue;
      }
      double score = sim + 0.1 * e.prior();
      if (best == null || score > best.score) {
        best = new Scored(e, score);
      }
    }
    return best == null ? null : new Link(best.entry, Math.min(0.9, best.score - 0.25), "sound-alike");
  }

  private record Scored(KbEntry entry, double score) {}
}
