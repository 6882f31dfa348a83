package io.newsflow.kb;

import io.newsflow.kb.names.NameSimilarity;
import io.newsflow.kb.names.Names;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Compiles the knowledge base's rows ({@code newsflow-kb.tsv.gz}) and the curated supplement into the tables
 * {@link KbTables} reads. The kb module's build runs it (phase {@code process-classes}), so its jar carries
 * {@code kb/newsflow-kb.bin} and a process loads that in a fraction of a second instead of parsing and keying
 * every name; {@link KnowledgeBase#load} runs it in memory on rows given at run time.
 *
 * <p>Rows are read as the knowledge base always read them: {@code E id type kind name countryQid prior
 * aliases(|) [more columns, ignored]}, {@code R personId role roleType countryQid start end},
 * {@code D demonym countryQid weight}; supplement lines {@code alias}, {@code qid} and {@code demonym}. Ids and
 * demonyms are collected in {@link HashMap}s as before, because {@code entries()}, {@code demonymKeys()} and the
 * team indexes give them in those maps' order and callers may break ties by it.
 *
 * <pre>java -cp kb/target/classes:commons-codec.jar io.newsflow.kb.KnowledgeBaseCompiler \
 *     kb/src/main/resources/kb/newsflow-kb.tsv.gz kb/src/main/resources/kb/supplement.tsv out/newsflow-kb.bin</pre>
 */
public final class KnowledgeBaseCompiler {

  /** Words of a team's name that are not its place or nickname ("F.C.", "national", "cricket team"). */
  private static final Set<String> TEAM_NAME_WORDS = Set.of("fc", "afc", "sc", "ac", "cf", "ogc", "rc", "cd", "sv",
      "fk", "sk", "bk", "club", "de", "futbol", "football", "national", "cricket", "team", "soccer", "rugby",
      "union", "league", "men's", "association", "basketball", "baseball", "hockey", "ice");

  private final Map<String, String> qidFixes = new HashMap<>();
  private final Map<String, List<String>> extraAliases = new HashMap<>();
  private final List<String[]> extraDemonyms = new ArrayList<>();

  /** One per {@code E} row; indexes below hold their positions here. */
  private final List<KbEntry> entries = new ArrayList<>();
  private final Map<String, Integer> byId = new HashMap<>();
  private final Map<String, List<Integer>> byKey = new HashMap<>();
  private final Map<String, List<Integer>> personsByFamilyName = new HashMap<>();
  private final Map<String, List<Integer>> bySound = new HashMap<>();
  private final Map<String, List<Integer>> teamsByPlace = new HashMap<>();
  private final Map<String, List<Integer>> teamsByFormerPlace = new HashMap<>();
  private final List<OfficeTerm> terms = new ArrayList<>();
  private final Map<String, List<Integer>> termsByPerson = new HashMap<>();
  private final Map<String, String> demonyms = new HashMap<>();
  private final Map<String, Integer> demonymWeight = new HashMap<>();
  /** Sound codes of name tokens already coded (most tokens recur). */
  private final Map<String, String> sounds = new HashMap<>();

  private KnowledgeBaseCompiler() {}

  /**
   * Compiles the rows ({@code .tsv} or {@code .tsv.gz}) and the supplement into the tables file {@code out}, and
   * says what it wrote. The kb module's build runs it through {@code io.newsflow.build.KnowledgeBaseCompilation}, a
   * build step the jar leaves out (no library ships a main).
   */
  public static String compile(Path rows, Path supplementFile, Path out) throws IOException {
    long started = System.nanoTime();
    KnowledgeBaseCompiler compiler;
    try (InputStream in = Files.newInputStream(rows);
         InputStream supplement = Files.newInputStream(supplementFile)) {
      compiler = read(rows.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in, supplement);
    }
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream file = Files.newOutputStream(out)) {
      compiler.write(file);
    }
    return String.format("Compiled %s: %,d identities, %,d office terms, %,d name keys -> %s (%,d bytes) in %,d ms",
        rows, compiler.byId.size(), compiler.terms.size(), compiler.byKey.size(), out, Files.size(out),
        (System.nanoTime() - started) / 1_000_000);
  }


  /** Compiles rows (an uncompressed stream) and an optional supplement to the bytes {@link KbTables#read} reads. */
  static byte[] compile(InputStream rows, InputStream supplement) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    read(rows, supplement).write(out);
    return out.toByteArray();
  }

  private static KnowledgeBaseCompiler read(InputStream rows, InputStream supplement) throws IOException {
    KnowledgeBaseCompiler c = new KnowledgeBaseCompiler();
    if (supplement != null) {
      c.readSupplement(supplement);
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(rows, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          c.addRow(line.split("\t", -1));
        }
      }
    }
    for (String[] f : c.extraDemonyms) {
      c.addRow(f);
    }
    c.indexTeams();
    return c;
  }

  private void readSupplement(InputStream supplement) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(supplement, StandardCharsets.UTF_8));
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

  private void addRow(String[] f) {
    switch (f[0]) {
      case "E" -> {
        String id = qidFixes.getOrDefault(f[1], f[1]);
        List<String> aliases = new ArrayList<>(f[7].isEmpty() ? List.of() : List.of(f[7].split("\\|")));
        aliases.addAll(extraAliases.getOrDefault(id, List.of()));
        List<String> nameKeys = new ArrayList<>(aliases.size() + 1);
        nameKeys.add(Names.key(f[4]));
        for (String a : aliases) {
          nameKeys.add(Names.key(a));
        }
        add(new KbEntry(id, EntityType.valueOf(f[2]), f[3], f[4], f[5], Double.parseDouble(f[6]), aliases,
            Names.tokensOfKey(nameKeys.get(0))), nameKeys);
      }
      case "R" -> {
        // roles are kept as name keys ("secretary general of the united nations") for matching
        OfficeTerm t = new OfficeTerm(qidFixes.getOrDefault(f[1], f[1]), Names.key(f[2]), f[3], f[4], date(f[5]),
            date(f[6]));
        termsByPerson.computeIfAbsent(t.personId(), k -> new ArrayList<>(1)).add(terms.size());
        terms.add(t);
      }
      case "D" -> {
        String key = Names.key(f[1]);
        int weight = Integer.parseInt(f[3]);
        if (weight > demonymWeight.getOrDefault(key, 0)) {
          demonymWeight.put(key, weight);
          demonyms.put(key, f[2]);
        }
      }
      default -> { }
    }
  }

  /** Indexes an entry; {@code nameKeys} are the keys of its name and then of each alias, in order. */
  private void add(KbEntry e, List<String> nameKeys) {
    int entry = entries.size();
    entries.add(e);
    byId.put(e.id(), entry);
    Set<String> keys = new LinkedHashSet<>(nameKeys);
    for (String k : List.copyOf(keys)) {
      if (k.startsWith("the ")) {
        keys.add(k.substring(4)); // "the U.N."
      }
    }
    for (String k : keys) {
      if (!k.isEmpty()) {
        byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(entry);
      }
    }
    Set<String> codes = new LinkedHashSet<>();
    List<String> names = e.type() == EntityType.PERSON ? nameKeys : nameKeys.subList(0, 1);
    for (String n : names) {
      List<String> tokens = Names.tokensOfKey(n);
      if (e.type() == EntityType.PERSON && tokens.size() > 1) {
        personsByFamilyName.computeIfAbsent(tokens.get(tokens.size() - 1), x -> new ArrayList<>(1)).add(entry);
      }
      for (String t : tokens) {
        if (t.length() >= 4) {
          codes.add(sounds.computeIfAbsent(t, NameSimilarity::sound));
        }
      }
    }
    for (String s : codes) {
      if (!s.isEmpty()) {
        bySound.computeIfAbsent(s, x -> new ArrayList<>(1)).add(entry);
      }
    }
  }

  /**
   * Sports stories name teams by their place ("Cleveland", "England"): a team is indexed under each
   * leading part of its name that names a place ("Cleveland Indians" under "cleveland", "Leeds United
   * A.F.C." under "leeds"), and under its whole name without the club words.
   */
  private void indexTeams() {
    for (int entry : byId.values()) {
      KbEntry e = entries.get(entry);
      if (!e.kind().startsWith("team:")) {
        continue;
      }
      Set<String> own = placeKeys(e.name());
      Set<String> former = new LinkedHashSet<>();
      for (String a : e.aliases()) {
        former.addAll(placeKeys(a));
      }
      former.removeAll(own);
      own.forEach(k -> teamsByPlace.computeIfAbsent(k, x -> new ArrayList<>(1)).add(entry));
      former.forEach(k -> teamsByFormerPlace.computeIfAbsent(k, x -> new ArrayList<>(1)).add(entry));
    }
  }

  private Set<String> placeKeys(String teamName) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> tokens = new ArrayList<>(Names.tokens(teamName));
    tokens.removeIf(t -> t.length() == 1 || TEAM_NAME_WORDS.contains(t));
    for (int i = 1; i <= tokens.size(); i++) {
      String prefix = String.join(" ", tokens.subList(0, i));
      if (i == tokens.size() || byKey.getOrDefault(prefix, List.of()).stream()
          .anyMatch(p -> entries.get(p).type() == EntityType.LOCATION)) {
        keys.add(prefix);
      }
    }
    return keys;
  }

  private static LocalDate date(String s) {
    return s.isEmpty() ? null : LocalDate.parse(s);
  }

  /** Writes the tables in the layout {@link KbTables} documents and reads. */
  private void write(OutputStream sink) throws IOException {
    StringPool.Builder strings = new StringPool.Builder();
    int[] entryRows = new int[entries.size() * KbTables.ENTRY];
    List<Integer> entryStrings = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      KbEntry e = entries.get(i);
      int row = i * KbTables.ENTRY;
      long prior = Double.doubleToRawLongBits(e.prior());
      // an entry's own strings are pooled one after the other, so that making it reads few cache lines
      entryRows[row + KbTables.E_ID] = strings.intern(e.id());
      entryRows[row + KbTables.E_KIND] = strings.intern(e.kind());
      entryRows[row + KbTables.E_NAME] = strings.intern(e.name());
      entryRows[row + KbTables.E_COUNTRY] = strings.intern(e.countryQid());
      entryRows[row + KbTables.E_TYPE] = e.type().ordinal();
      entryRows[row + KbTables.E_PRIOR_HIGH] = (int) (prior >>> 32);
      entryRows[row + KbTables.E_PRIOR_LOW] = (int) prior;
      entryRows[row + KbTables.E_STRINGS] = entryStrings.size();
      entryRows[row + KbTables.E_ALIASES] = e.aliases().size();
      entryRows[row + KbTables.E_TOKENS] = e.nameTokens().size();
      e.aliases().forEach(a -> entryStrings.add(strings.intern(a)));
      e.nameTokens().forEach(t -> entryStrings.add(strings.intern(t)));
    }
    int[] termRows = new int[terms.size() * KbTables.TERM];
    for (int i = 0; i < terms.size(); i++) {
      OfficeTerm t = terms.get(i);
      int row = i * KbTables.TERM;
      termRows[row + KbTables.T_PERSON] = strings.intern(t.personId());
      termRows[row + KbTables.T_ROLE] = strings.intern(t.role());
      termRows[row + KbTables.T_ROLE_TYPE] = strings.intern(t.roleType());
      termRows[row + KbTables.T_COUNTRY] = strings.intern(t.countryQid());
      termRows[row + KbTables.T_START] = epochDay(t.start());
      termRows[row + KbTables.T_END] = epochDay(t.end());
    }
    int[] identities = byId.values().stream().mapToInt(Integer::intValue).toArray();
    int[] demonymKeys = demonyms.keySet().stream().mapToInt(strings::intern).toArray();
    Map<String, List<Integer>> entryOfId = new HashMap<>();
    byId.forEach((id, entry) -> entryOfId.put(id, List.of(entry)));
    Map<String, List<Integer>> countryOfDemonym = new HashMap<>();
    demonyms.forEach((key, country) -> countryOfDemonym.put(key, List.of(strings.intern(country))));
    List<KeyIndex.Draft> indexes = List.of(KeyIndex.draft(entryOfId, strings), KeyIndex.draft(byKey, strings),
        KeyIndex.draft(personsByFamilyName, strings), KeyIndex.draft(bySound, strings),
        KeyIndex.draft(teamsByPlace, strings), KeyIndex.draft(teamsByFormerPlace, strings),
        KeyIndex.draft(termsByPerson, strings), KeyIndex.draft(countryOfDemonym, strings));

    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sink, 1 << 16));
    out.writeInt(KbTables.MAGIC);
    out.writeInt(KbTables.VERSION);
    strings.build().write(out);
    TableIo.writeInts(out, entryRows);
    TableIo.writeInts(out, entryStrings.stream().mapToInt(Integer::intValue).toArray());
    TableIo.writeInts(out, termRows);
    TableIo.writeInts(out, identities);
    TableIo.writeInts(out, demonymKeys);
    for (KeyIndex.Draft index : indexes) {
      index.write(out);
    }
    out.writeInt(KbTables.END);
    out.flush();
  }

  private static int epochDay(LocalDate date) {
    return date == null ? KbTables.NO_DATE : Math.toIntExact(date.toEpochDay());
  }
}
