package io.newsflow.kb;

import io.newsflow.kb.names.NameSimilarity;
import io.newsflow.kb.names.Names;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The knowledge base as it was loaded before {@link KnowledgeBaseCompiler}: every row parsed into objects held in
 * hash maps. Kept, unchanged but for its name, the key sets it exposes and the resources it reads, as the
 * reference the compiled tables are checked against ({@code KnowledgeBaseEquivalenceTest}) and measured against
 * ({@code KnowledgeBaseLoadBench}).
 */
final class ReferenceKnowledgeBase {

  static final String RESOURCE = KnowledgeBase.RESOURCE;
  static final String SUPPLEMENT = KnowledgeBase.SUPPLEMENT;

  /** Words of a team's name that are not its place or nickname ("F.C.", "national", "cricket team"). */
  private static final Set<String> TEAM_NAME_WORDS = Set.of("fc", "afc", "sc", "ac", "cf", "ogc", "rc", "cd", "sv",
      "fk", "sk", "bk", "club", "de", "futbol", "football", "national", "cricket", "team", "soccer", "rugby",
      "union", "league", "men's", "association", "basketball", "baseball", "hockey", "ice");

  private final Map<String, KbEntry> byId = new HashMap<>();
  private final Map<String, List<KbEntry>> byKey = new HashMap<>();
  private final Map<String, List<KbEntry>> personsByFamilyName = new HashMap<>();
  private final Map<String, List<KbEntry>> bySound = new HashMap<>();
  private final Map<String, List<OfficeTerm>> termsByPerson = new HashMap<>();
  private final List<OfficeTerm> terms = new ArrayList<>();
  private final Map<String, String> demonyms = new HashMap<>();
  private final Map<String, List<KbEntry>> teamsByPlace = new HashMap<>();
  private final Map<String, List<KbEntry>> teamsByFormerPlace = new HashMap<>();
  private Map<String, String> pool = new HashMap<>(); // only while loading
  private Map<String, String> soundCache = new HashMap<>(); // only while loading

  private volatile String[] sortedKeys;

  private ReferenceKnowledgeBase() {}

  /** The bundled rows and supplement, from the classpath. */
  static ReferenceKnowledgeBase loadDefault() {
    ClassLoader loader = ReferenceKnowledgeBase.class.getClassLoader();
    try (InputStream kb = loader.getResourceAsStream(RESOURCE);
         InputStream supplement = loader.getResourceAsStream(SUPPLEMENT)) {
      if (kb == null) {
        throw new IllegalStateException("Missing classpath resource " + RESOURCE);
      }
      return load(new GZIPInputStream(kb, 1 << 16), supplement);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a compiled knowledge base (uncompressed stream) and an optional supplement. */
  static ReferenceKnowledgeBase load(InputStream compiled, InputStream supplement) throws IOException {
    ReferenceKnowledgeBase kb = new ReferenceKnowledgeBase();
    Map<String, Integer> demonymWeight = new HashMap<>();
    Map<String, String> qidFixes = new HashMap<>();
    Map<String, List<String>> extraAliases = new HashMap<>();
    List<String[]> extraDemonyms = new ArrayList<>();
    if (supplement != null) {
      readSupplement(supplement, qidFixes, extraAliases, extraDemonyms);
    }
    // rows are read one at a time (not all held at once); repeated strings (kinds, country QIDs, roles,
    // name tokens and keys) are kept once
    try (BufferedReader in = new BufferedReader(new InputStreamReader(compiled, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          kb.addRow(line.split("\t", -1), qidFixes, extraAliases, demonymWeight);
        }
      }
    }
    for (String[] f : extraDemonyms) {
      kb.addRow(f, qidFixes, extraAliases, demonymWeight);
    }
    kb.indexTeams();
    kb.freeze();
    kb.pool = null;
    kb.soundCache = null;
    return kb;
  }

  private void addRow(String[] f, Map<String, String> qidFixes, Map<String, List<String>> extraAliases,
                      Map<String, Integer> demonymWeight) {
    switch (f[0]) {
      case "E" -> {
        String id = qidFixes.getOrDefault(f[1], f[1]);
        List<String> aliases = new ArrayList<>(f[7].isEmpty() ? List.of() : List.of(f[7].split("\\|")));
        aliases.addAll(extraAliases.getOrDefault(id, List.of()));
        // each name is keyed once (folding accents is most of the loading time)
        List<String> nameKeys = new ArrayList<>(aliases.size() + 1);
        nameKeys.add(Names.key(f[4]));
        for (String a : aliases) {
          nameKeys.add(Names.key(a));
        }
        add(new KbEntry(id, EntityType.valueOf(f[2]), pooled(f[3]), f[4], pooled(f[5]), Double.parseDouble(f[6]),
            aliases, pooled(tokensOfKey(nameKeys.get(0)))), nameKeys);
      }
      case "R" -> {
        // roles are kept as name keys ("secretary general of the united nations") for matching
        OfficeTerm t = new OfficeTerm(pooled(qidFixes.getOrDefault(f[1], f[1])), pooled(Names.key(f[2])),
            pooled(f[3]), pooled(f[4]), date(f[5]), date(f[6]));
        terms.add(t);
        termsByPerson.computeIfAbsent(t.personId(), k -> new ArrayList<>(1)).add(t);
      }
      case "D" -> {
        String key = Names.key(f[1]);
        int weight = Integer.parseInt(f[3]);
        if (weight > demonymWeight.getOrDefault(key, 0)) {
          demonymWeight.put(key, weight);
          demonyms.put(key, pooled(f[2]));
        }
      }
      default -> { }
    }
  }

  /** One copy of each repeated string while loading. */
  private String pooled(String s) {
    String known = pool.putIfAbsent(s, s);
    return known == null ? s : known;
  }

  private List<String> pooled(List<String> strings) {
    List<String> out = new ArrayList<>(strings.size());
    for (String s : strings) {
      out.add(pooled(s));
    }
    return out;
  }

  /** Replaces the growable lists of the indexes by immutable ones of exact size. */
  private void freeze() {
    for (Map<String, List<KbEntry>> index : List.of(byKey, personsByFamilyName, bySound, teamsByPlace,
        teamsByFormerPlace)) {
      index.replaceAll((k, v) -> List.copyOf(v));
    }
    termsByPerson.replaceAll((k, v) -> List.copyOf(v));
    ((ArrayList<OfficeTerm>) terms).trimToSize();
  }

  /**
   * Sports stories name teams by their place ("Cleveland", "England"): a team is indexed under each
   * leading part of its name that names a place ("Cleveland Indians" under "cleveland", "Leeds United
   * A.F.C." under "leeds"), and under its whole name without the club words.
   */
  private void indexTeams() {
    for (KbEntry e : byId.values()) {
      if (!e.kind().startsWith("team:")) {
        continue;
      }
      Set<String> own = placeKeys(e.name());
      Set<String> former = new LinkedHashSet<>();
      for (String a : e.aliases()) {
        former.addAll(placeKeys(a));
      }
      former.removeAll(own);
      own.forEach(k -> teamsByPlace.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e));
      former.forEach(k -> teamsByFormerPlace.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e));
    }
  }

  private Set<String> placeKeys(String teamName) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> tokens = new ArrayList<>(Names.tokens(teamName));
    tokens.removeIf(t -> t.length() == 1 || TEAM_NAME_WORDS.contains(t));
    for (int i = 1; i <= tokens.size(); i++) {
      String prefix = String.join(" ", tokens.subList(0, i));
      if (i == tokens.size() || byKey(prefix).stream().anyMatch(p -> p.type() == EntityType.LOCATION)) {
        keys.add(prefix);
      }
    }
    return keys;
  }

  private static void readSupplement(InputStream in, Map<String, String> qidFixes,
                                     Map<String, List<String>> extraAliases,
                                     List<String[]> extraDemonyms) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f[0].equals("alias")) {
        extraAliases.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
      } else if (f[0].equals("demonym")) {
        extraDemonyms.add(new String[] {"D", f[2], f[1], "100"});
      } else if (f[0].equals("qid")) {
        qidFixes.put(f[1], f[2]);
      }
    }
  }

  private static LocalDate date(String s) {
    return s.isEmpty() ? null : LocalDate.parse(s);
  }

  /** Indexes an entry; {@code nameKeys} are the keys of its name and then of each alias, in order. */
  private void add(KbEntry e, List<String> nameKeys) {
    byId.put(e.id(), e);
    Set<String> keys = new LinkedHashSet<>(nameKeys);
    for (String k : List.copyOf(keys)) {
      if (k.startsWith("the ")) {
        keys.add(k.substring(4)); // "the U.N."
      }
    }
    for (String k : keys) {
      if (!k.isEmpty()) {
        byKey.computeIfAbsent(pooled(k), x -> new ArrayList<>(1)).add(e);
      }
    }
    Set<String> sounds = new LinkedHashSet<>();
    List<String> names = e.type() == EntityType.PERSON ? nameKeys : nameKeys.subList(0, 1);
    for (String n : names) {
      List<String> tokens = tokensOfKey(n);
      if (e.type() == EntityType.PERSON && tokens.size() > 1) {
        personsByFamilyName.computeIfAbsent(pooled(tokens.get(tokens.size() - 1)), x -> new ArrayList<>(1)).add(e);
      }
      for (String t : tokens) {
        if (t.length() >= 4) {
          sounds.add(soundCache.computeIfAbsent(t, NameSimilarity::sound));
        }
      }
    }
    for (String s : sounds) {
      if (!s.isEmpty()) {
        bySound.computeIfAbsent(pooled(s), x -> new ArrayList<>(1)).add(e);
      }
    }
  }

  /** The tokens of a name key, as {@link Names#tokens} gives them for the name. */
  private static List<String> tokensOfKey(String key) {
    List<String> tokens = new ArrayList<>();
    for (String t : key.split(" ")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  /** Sports teams named by this place or short name key ("cleveland" → Cleveland Indians, Cleveland Browns…). */
  public List<KbEntry> teamsByPlace(String key) {
    return teamsByPlace.getOrDefault(key, List.of());
  }

  /** Teams whose other names (often former ones: "California Angels") start with this place key. */
  public List<KbEntry> teamsByFormerPlace(String key) {
    return teamsByFormerPlace.getOrDefault(key, List.of());
  }

  public KbEntry byId(String id) {
    return byId.get(id);
  }

  /** Identities with this exact name or alias (compared by {@link Names#key}). */
  public List<KbEntry> byName(String name) {
    return byKey.getOrDefault(Names.key(name), List.of());
  }

  /** Identities with this name key. */
  public List<KbEntry> byKey(String key) {
    return byKey.getOrDefault(key, List.of());
  }

  /** Persons whose family name (last token of a name) is this key. */
  public List<KbEntry> personsByFamilyName(String key) {
    return personsByFamilyName.getOrDefault(key, List.of());
  }

  /** Identities with a name token that sounds like this token (Double Metaphone). */
  public List<KbEntry> bySound(String token) {
    return bySound.getOrDefault(NameSimilarity.sound(token), List.of());
  }

  /** The country QID of a demonym or nationality adjective ("French" → Q142), or null. */
  public String countryOfDemonym(String word) {
    return demonyms.get(Names.key(word));
  }

  public List<OfficeTerm> termsOf(String personId) {
    return termsByPerson.getOrDefault(personId, List.of());
  }

  public List<OfficeTerm> terms() {
    return terms;
  }

  /**
   * Name keys (as {@link Names#key}) that start with {@code prefix}, in sorted order, at most {@code limit}: for
   * suggestions while a name is typed. The sorted key list is built on first use.
   */
  public List<String> keysStartingWith(String prefix, int limit) {
    String[] keys = sortedKeys;
    if (keys == null) {
      synchronized (this) {
        if (sortedKeys == null) {
          String[] all = byKey.keySet().toArray(new String[0]);
          java.util.Arrays.sort(all);
          sortedKeys = all;
        }
        keys = sortedKeys;
      }
    }
    int i = java.util.Arrays.binarySearch(keys, prefix);
    List<String> out = new ArrayList<>();
    for (int at = i < 0 ? -i - 1 : i; at < keys.length && out.size() < limit && keys[at].startsWith(prefix); at++) {
      out.add(keys[at]);
    }
    return out;
  }

  public int size() {
    return byId.size();
  }

  /** Every identity (builds the recogniser's gazetteer). */
  public java.util.Collection<KbEntry> entries() {
    return java.util.Collections.unmodifiableCollection(byId.values());
  }

  /** The name keys of every demonym and nationality adjective ("french", "serb"). */
  public Set<String> demonymKeys() {
    return java.util.Collections.unmodifiableSet(demonyms.keySet());
  }

  /** Every name key, family name, sound code, team place, former team place and office holder indexed. */
  Set<String> nameKeys() {
    return byKey.keySet();
  }

  Set<String> familyNames() {
    return personsByFamilyName.keySet();
  }

  Set<String> soundCodes() {
    return bySound.keySet();
  }

  Set<String> teamPlaces() {
    return teamsByPlace.keySet();
  }

  Set<String> formerTeamPlaces() {
    return teamsByFormerPlace.keySet();
  }

  Set<String> officeHolders() {
    return termsByPerson.keySet();
  }

  /** The entries under a sound code (the public lookup takes a token and codes it). */
  List<KbEntry> bySoundCode(String code) {
    return bySound.getOrDefault(code, List.of());
  }
}
