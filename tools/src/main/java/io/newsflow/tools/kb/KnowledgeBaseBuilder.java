package io.newsflow.tools.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.names.Names;
import io.newsflow.kb.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Compiles the knowledge-base extracts in {@code ../shared/kb} into the base that {@code tools/kb-build/build.py}
 * merges the news-scale sources into (the shipped resource is that build's output).
 *
 * <pre>java -cp … io.newsflow.tools.kb.KnowledgeBaseBuilder ../shared/kb
 *     tools/kb-build/base-newsflow-kb.tsv.gz</pre>
 *
 * <p>Only Latin-script names are kept (the tagger reads English news). Output format, one record a line,
 * tab-separated: {@code E id type kind name countryQid prior aliases(|)}, {@code R personId role roleType
 * countryQid start end}, {@code D demonym countryQid sourceRows}. The output is sorted, so rebuilds are reproducible.
 */
public final class KnowledgeBaseBuilder {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QID_NAME = Pattern.compile("Q\\d+");
  private static final int MAX_ALIASES = 200;
  private static final Pattern PERSON_WORDS = Pattern.compile(
      "\\b(actor|actress|singer|politician|player|footballer|musician|writer|author|director|producer|"
          + "composer|rapper|comedian|journalist|painter|poet|businessman|businesswoman|economist|"
          + "philosopher|scientist|physicist|novelist|screenwriter|model|athlete|coach|cricketer|"
          + "boxer|tennis|golfer|racing driver|president of|king of|queen of|emperor|pope|"
          + "general|lawyer|judge|guitarist|drummer|pianist|dancer|presenter|television host|"
          + "swimmer|cyclist|skier|wrestler|sprinter|chef|astronaut|architect|photographer|"
          + "historian|mathematician|saint|prince|princess|priest|bishop|monarch|chancellor|"
          + "prime minister|minister|senator|governor|mayor|diplomat|activist|entrepreneur|leader|statesman|"
          + "revolutionary|militant|dictator|general secretary|first lady|"
          + "designer|cartoonist|animator|voice actor|artist|sculptor|conductor|DJ|bassist|vocalist)\\b");
  /** Offices, written capitalised in descriptions ("Former Prime Minister of the United Kingdom"). */
  private static final Pattern OFFICE_WORDS = Pattern.compile(
      "\\b(president|prime minister|chairman|chairwoman|first secretary|chancellor|senator|governor)\\b",
      Pattern.CASE_INSENSITIVE);
  /** Institutions and honours described by the people in them ("university", "medal", "trophy"). */
  private static final Pattern INSTITUTION_WORDS = Pattern.compile(
      "\\b(university|college|school|conservatory|basilica|church|cathedral|award|medal|trophy|electorate|"
          + "spouse)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLACE_WORDS = Pattern.compile(
      "\\b(city|town|country|state of|county|capital|village|river|island|region|province|"
          + "municipality|mountain|lake|borough|commune|district|neighborhood|neighbourhood|"
          + "archipelago|peninsula|sea|ocean|continent|sovereign state|federal state|census-designated)\\b");
  private static final Pattern ORG_WORDS = Pattern.compile(
      "\\b(company|organization|organisation|university|college|school|team|club|party|band|"
          + "newspaper|agency|corporation|association|institute|federation|league|airline|bank|"
          + "broadcaster|network|channel|magazine|publisher|record label|manufacturer|retailer|"
          + "conglomerate|union|council|committee|ministry|department|army|navy|air force|"
          + "government|court|parliament|foundation|society|charity|studio|brand|chain|"
          + "football|association football|hospital|museum|church|orchestra|group)\\b");

  private static final Pattern TEAM_WORDS = Pattern.compile(
      "\\b(team|club|franchise)\\b|\\bf\\.?c\\b|\\ba\\.?f\\.?c\\b");
  private static final Pattern SPORT_WORDS = Pattern.compile(
      "sport|football|soccer|cricket|baseball|basketball|hockey|rugby|\\bf\\.?c\\b|\\ba\\.?f\\.?c\\b|league");
  /** Sports by the words of a team's name, aliases and description; the first that matches wins. */
  private static final Map<String, Pattern> SPORTS = new LinkedHashMap<>();

  static {
    SPORTS.put("cricket", Pattern.compile("cricket"));
    SPORTS.put("baseball", Pattern.compile("baseball"));
    SPORTS.put("basketball", Pattern.compile("basketball"));
    SPORTS.put("hockey", Pattern.compile("hockey"));
    SPORTS.put("rugby", Pattern.compile("rugby"));
    SPORTS.put("american-football", Pattern.compile("american football|national football league|college football"));
    SPORTS.put("soccer", Pattern.compile("football|soccer|\\bf\\.?c\\b|\\ba\\.?f\\.?c\\b"));
  }

  private final Map<String, Builder> entries = new LinkedHashMap<>();
  private final List<String[]> roles = new ArrayList<>();
  private final Map<String, Integer> demonyms = new java.util.TreeMap<>();

  private KnowledgeBaseBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: KnowledgeBaseBuilder KB_DIR OUT.tsv.gz");
      System.exit(2);
    }
    KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder();
    Path kb = Path.of(args[0]);
    builder.readPlaces(kb.resolve("places.jsonl"));
    builder.readOrgs(kb.resolve("orgs.jsonl"));
    builder.readPersons(kb.resolve("persons.jsonl"));
    builder.readDemonyms(kb.resolve("demonyms.csv"));
    builder.readShodh(kb.resolve("extra/shodh_wikidata_slice.tsv"));
    builder.readFb15k(kb.resolve("extra/fb15k_entities.tsv"));
    builder.readNsi(kb.resolve("extra/nsi_entities.tsv"));
    builder.mergeDuplicatePersons();
    Path out = Path.of(args[1]);
    builder.write(out);
    System.out.printf("wrote %s: %d entries, %d office terms, %d demonyms, %d bytes%n", out,
        builder.entries.size(), builder.roles.size(), builder.demonyms.size(), Files.size(out));
  }

  /** An entry being assembled from several sources. */
  private static final class Builder {
    final String id;
    final EntityType type;
    final String kind;
    String name;
    final String countryQid;
    double prior;
    final Set<String> aliases = new LinkedHashSet<>();

    Builder(String id, EntityType type, String kind, String name, String countryQid, double prior) {
      this.id = id;
      this.type = type;
      this.kind = kind;
      this.name = name;
      this.countryQid = countryQid == null ? "" : countryQid;
      this.prior = prior;
    }
  }

  private Builder add(String id, EntityType type, String kind, String name, String countryQid, double prior,
                      Iterable<String> aliases) {
    Builder b = entries.get(id);
    if (b == null) {
      b = new Builder(id, type, kind, clean(name), countryQid, prior);
      entries.put(id, b);
    } else {
      b.prior = Math.max(b.prior, prior);
      addAlias(b, name);
    }
    for (String a : aliases) {
      addAlias(b, a);
    }
    return b;
  }

  private static void addAlias(Builder b, String alias) {
    String a = clean(alias);
    if (a.isEmpty() || a.equals(b.name) || b.aliases.size() >= MAX_ALIASES || !Names.isLatin(a)
        || QID_NAME.matcher(a).matches() || Names.key(a).isEmpty()) {
      return;
    }
    b.aliases.add(a);
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('|', ' ').strip();
  }

  private void readPlaces(Path file) throws IOException {
    Map<String, Builder> cityStates = new HashMap<>();
    Map<String, Builder> regionsByName = new HashMap<>();
    List<JsonNode> cities = new ArrayList<>();
    for (JsonNode p : jsonLines(file)) {
      String kind = p.path("kind").asText();
      if (kind.startsWith("city:")) {
        cities.add(p);
        continue;
      }
      String id = placeId(p);
      double population = p.path("population").asDouble(0);
      if (kind.equals("country")) {
        add(id, EntityType.LOCATION, "country", p.path("name").asText(), id, 1.0, strings(p.path("aliases")));
      } else {
        Builder b = add(id, EntityType.LOCATION, "admin1", p.path("name").asText(), p.path("country_qid").asText(),
            0.45 + Math.min(0.2, Math.log10(1 + population) / 40), strings(p.path("aliases")));
        regionsByName.put(p.path("country").asText() + "|" + Names.key(p.path("name").asText()), b);
        if (kind.contains("city")) {
          cityStates.put(p.path("country").asText() + "|" + Names.key(p.path("name").asText()), b);
        }
      }
    }
    for (JsonNode p : cities) {
      double population = p.path("population").asDouble(0);
      boolean capital = p.path("kind").asText().equals("city:PPLC");
      double prior = 0.25 + Math.min(0.35, Math.log10(1 + population) / 20) + (capital ? 0.25 : 0);
      // a city that is also its own first-level region (Kyiv, Moscow, Berlin) is one place: the region
      // record carries the reliable QID (SOURCES.md, known issue 3)
      String sameName = p.path("country").asText() + "|" + Names.key(p.path("name").asText());
      Builder region = cityStates.get(sameName);
      if (region == null && !p.hasNonNull("qid")) {
        // a city without a QID named like a region of its country is that region's seat (Paris)
        region = regionsByName.get(sameName);
      }
      if (region != null) {
        region.prior = Math.max(region.prior, prior);
        for (String a : strings(p.path("aliases"))) {
          addAlias(region, a);
        }
        continue;
      }
      add(placeId(p), EntityType.LOCATION, "city", p.path("name").asText(), p.path("country_qid").asText(), prior,
          strings(p.path("aliases")));
    }
  }

  private static String placeId(JsonNode p) {
    if (p.hasNonNull("qid")) {
      return p.get("qid").asText();
    }
    if (p.hasNonNull("geonameid")) {
      return "geonames:" + p.get("geonameid").asText();
    }
    return Names.localId("location", p.path("name").asText() + " " + p.path("country").asText());
  }

  private void readOrgs(Path file) throws IOException {
    for (JsonNode o : jsonLines(file)) {
      String id = o.hasNonNull("qid") ? o.get("qid").asText() : "supraverden:" + o.path("sprvd_id").asText();
      add(id, EntityType.ORGANIZATION, "intl-org", o.path("name").asText(), "", 0.8, strings(o.path("aliases")));
    }
  }

  private void readPersons(Path file) throws IOException {
    for (JsonNode p : jsonLines(file)) {
      String id = p.hasNonNull("qid") ? p.get("qid").asText() : p.path("id").asText();
      double prior = 0.5;
      for (JsonNode r : p.path("roles")) {
        String type = r.path("type").asText();
        if (type.startsWith("head_of")) {
          prior = 0.8;
        }
        roles.add(new String[] {id, clean(r.path("role").asText()).toLowerCase(java.util.Locale.ROOT), type,
            r.path("country_qid").asText(), startDate(r.path("start").asText()), endDate(r.path("end").asText())});
      }
      add(id, EntityType.PERSON, "person", p.path("name").asText(), "", prior, strings(p.path("aliases")));
    }
    closeOpenTerms();
  }

  /**
   * A term without an end closes when the next holder of the same office starts (the sources list
   * current holders, so an older holder without an end date has simply not been updated).
   */
  private void closeOpenTerms() {
    Map<String, List<String[]>> byOffice = new HashMap<>();
    for (String[] r : roles) {
      if (r[2].startsWith("head_of") && !r[4].isEmpty()) {
        byOffice.computeIfAbsent(r[3] + "|" + r[2], k -> new ArrayList<>()).add(r);
      }
    }
    for (List<String[]> terms : byOffice.values()) {
      for (String[] term : terms) {
        if (!term[5].isEmpty()) {
          continue;
        }
        String next = null;
        for (String[] other : terms) {
          if (!other[0].equals(term[0]) && other[4].compareTo(term[4]) > 0
              && (next == null || other[4].compareTo(next) < 0)) {
            next = other[4];
          }
        }
        if (next != null) {
          // year-only starts are 1 January: keep the predecessor in office through that year
          term[5] = next.endsWith("-01-01") ? next.substring(0, 4) + "-12-31" : next;
        }
      }
    }
  }

  private static String startDate(String s) {
    return date(s, "-01-01");
  }

  private static String endDate(String s) {
    return date(s, "-12-31");
  }

  /** ISO date of a full date or a bare year (completed with {@code monthDay}); empty when unreadable. */
  private static String date(String s, String monthDay) {
    if (s.matches("\\d{1,4}")) {
      return String.format(java.util.Locale.ROOT, "%04d", Integer.parseInt(s)) + monthDay;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return "";
    }
  }

  private void readDemonyms(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        if (f.length >= 7 && f[4].equals("en") && !f[2].isEmpty() && !f[6].isBlank()) {
          demonyms.merge(clean(f[6]) + "\t" + f[2], 1, Integer::sum);
        }
      }
    }
  }

  private void readShodh(Path file) throws IOException {
    for (String[] f : tsv(file, false)) {
      if (f.length < 4) {
        continue;
      }
      EntityType type = f[1].equals("organization") ? EntityType.ORGANIZATION : EntityType.MISC;
      double sitelinks = parseDouble(f[2]);
      Builder b = add(f[0], type, f[1].equals("organization") ? "org" : "product", f[3], "",
          0.3 + Math.min(0.4, sitelinks / 500), split(f.length > 4 ? f[4] : ""));
      // this slice carries Wikidata's English label ("NATO"), the name English news uses
      if (!b.name.equals(clean(f[3])) && !clean(f[3]).isEmpty()) {
        b.aliases.add(b.name);
        b.aliases.remove(clean(f[3]));
        b.name = clean(f[3]);
      }
    }
  }

  private void readFb15k(Path file) throws IOException {
    for (String[] f : tsv(file, true)) {
      if (f.length < 4) {
        continue;
      }
      String description = f[3];
      List<String> aliases = new ArrayList<>(split(f[2]));
      Builder known = entries.get(f[0]);
      String team = teamKind(f[1], description, aliases);
      // a franchise is an organisation whatever else its description names ("... franchise in Denver, Colorado")
      EntityType type = known != null ? known.type : team != null ? EntityType.ORGANIZATION : typeOf(description);
      if (type == EntityType.LOCATION) {
        // "Denton, Texas": the part before the comma is the name the press uses
        for (String a : List.copyOf(aliases)) {
          int comma = a.indexOf(',');
          if (comma > 0) {
            aliases.add(a.substring(0, comma));
          }
        }
      }
      if (known == null) {
        add(f[0], type, team != null ? team : kindOf(type), f[1], "",
            type == EntityType.LOCATION ? prominentPlacePrior(description, 0.3) : 0.4, aliases);
        continue;
      }
      add(f[0], type, known.kind, f[1], "", known.prior, aliases);
      if (type == EntityType.LOCATION) {
        // FB15k holds the places Wikipedia writes most about, under their English label; the city
        // extracts join QIDs by name and coordinates and sometimes attach the wrong label
        // (SOURCES.md, known issue 3)
        known.prior = Math.max(known.prior, prominentPlacePrior(description, known.prior));
        if (known.kind.equals("city") && !known.name.equals(clean(f[1]))) {
          known.aliases.add(known.name);
          known.aliases.remove(clean(f[1]));
          known.name = clean(f[1]);
        }
      }
    }
  }

  /**
   * {@code team:<sport>} for a sports team or club ("team:baseball", "team:soccer"; "team:sport" when the
   * sport is not named), else null. Sports stories name teams by their place ("Cleveland", "England"), so
   * the linker needs to tell teams and their sport from other organisations.
   */
  static String teamKind(String name, String description, List<String> aliases) {
    String all = (name + " | " + description + " | " + String.join(" | ", aliases)).toLowerCase(java.util.Locale.ROOT);
    String described = description.toLowerCase(java.util.Locale.ROOT);
    // the description says what it is: "Fight Club" is a film, "The Twilight Zone franchise" a media franchise
    if (!TEAM_WORDS.matcher(described).find() || !SPORT_WORDS.matcher(all).find()) {
      return null;
    }
    for (Map.Entry<String, Pattern> sport : SPORTS.entrySet()) {
      if (sport.getValue().matcher(all).find()) {
        return "team:" + sport.getKey();
      }
    }
    return "team:sport"; // "German sport club", "national sports team"
  }

  /**
   * Persons listed twice, once without a Wikidata id (a US executive from the congress extract) and once
   * with one (FB15k): the entry without the id is merged into the one with it, its offices with it, when
   * exactly one person with a QID has its name among their names.
   */
  private void mergeDuplicatePersons() {
    Map<String, List<Builder>> withQidByName = new HashMap<>();
    for (Builder b : entries.values()) {
      if (b.type == EntityType.PERSON && KbEntry.isQid(b.id)) {
        for (String n : names(b)) {
          withQidByName.computeIfAbsent(Names.key(n), k -> new ArrayList<>()).add(b);
        }
      }
    }
    Map<String, String> mergedInto = new HashMap<>();
    for (Builder b : List.copyOf(entries.values())) {
      if (b.type != EntityType.PERSON || KbEntry.isQid(b.id)) {
        continue;
      }
      Set<Builder> same = new LinkedHashSet<>(withQidByName.getOrDefault(Names.key(b.name), List.of()));
      if (same.size() != 1) {
        continue;
      }
      Builder target = same.iterator().next();
      target.prior = Math.max(target.prior, b.prior);
      for (String n : names(b)) {
        addAlias(target, n);
      }
      entries.remove(b.id);
      mergedInto.put(b.id, target.id);
    }
    for (String[] r : roles) {
      r[0] = mergedInto.getOrDefault(r[0], r[0]);
    }
  }

  private static List<String> names(Builder b) {
    List<String> names = new ArrayList<>(b.aliases);
    names.add(0, b.name);
    return names;
  }

  /** Prior of a place FB15k knows: high, a capital higher, the extracts' own prior breaking ties. */
  private static double prominentPlacePrior(String description, double extractPrior) {
    return 0.9 + (description.contains("capital") ? 0.05 : 0) + 0.04 * extractPrior;
  }

  private static EntityType typeOf(String description) {
    if (PERSON_WORDS.matcher(description).find() || OFFICE_WORDS.matcher(description).find()
        && !INSTITUTION_WORDS.matcher(description).find()) {
      return EntityType.PERSON;
    }
    if (PLACE_WORDS.matcher(description).find()) {
      return EntityType.LOCATION;
    }
    if (ORG_WORDS.matcher(description).find()) {
      return EntityType.ORGANIZATION;
    }
    return EntityType.MISC;
  }

  private static String kindOf(EntityType type) {
    return switch (type) {
      case PERSON -> "person";
      case LOCATION -> "place";
      case ORGANIZATION -> "org";
      default -> "work";
    };
  }

  private void readNsi(Path file) throws IOException {
    for (String[] f : tsv(file, true)) {
      // flags and subjects are not what news names; "New York" is not the state's flag
      if (f.length < 5 || entries.containsKey(f[0]) || f[4].contains("subject") || f[4].equals("flag")) {
        continue;
      }
      add(f[0], EntityType.ORGANIZATION, "org", f[1], "", 0.3, split(f[3]));
    }
  }

  private void write(Path out) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out);
         GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
         Writer w = new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8);
         PrintWriter pw = new PrintWriter(w)) {
      pw.print("# newsflow knowledge base, built by KnowledgeBaseBuilder from ../shared/kb; see LICENSES.md\n");
      List<Builder> sorted = new ArrayList<>(entries.values());
      sorted.sort(Comparator.comparing(b -> b.id));
      for (Builder b : sorted) {
        pw.print(String.join("\t", "E", b.id, b.type.name(), b.kind, b.name, b.countryQid,
            String.format(java.util.Locale.ROOT, "%.3f", b.prior), String.join("|", b.aliases)) + "\n");
      }
      roles.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[4]).thenComparing(r -> r[1]));
      for (String[] r : roles) {
        pw.print("R\t" + String.join("\t", r) + "\n");
      }
      // the count of source rows naming a demonym for a country decides between countries sharing it
      demonyms.forEach((d, count) -> pw.print("D\t" + d + "\t" + count + "\n"));
    }
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
    }
    return nodes;
  }

  private static List<String[]> tsv(Path file, boolean header) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (header) {
        in.readLine();
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String a : s.split("\\|")) {
      if (!a.isBlank()) {
        out.add(a.strip());
      }
    }
    return out;
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
