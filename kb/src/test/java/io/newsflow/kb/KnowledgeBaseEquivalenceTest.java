package io.newsflow.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The compiled tables answer every query exactly as the hash-map loader did ({@link ReferenceKnowledgeBase}),
 * lists in the same order: callers break ties by order. Every key the reference holds is asked, and keys it lacks.
 */
class KnowledgeBaseEquivalenceTest {

  /** Keys no index holds: empty, a bare article, accents, a character beyond U+FFFF, an unpaired surrogate. */
  private static final List<String> ABSENT = List.of("", " ", "the", "zzzz qqqq", "ñandú", "\uD83D\uDE00",
      "a\uD800", "\uFFFD", "Q", "Q0", "q142", "French", "KNOWN-NOT");

  @Test
  void theShippedTablesAnswerAsTheHashMapLoaderDid() {
    // given the shipped rows loaded both ways (the new one from the kb/newsflow-kb.bin the build compiled)
    ReferenceKnowledgeBase reference = ReferenceKnowledgeBase.loadDefault();
    KnowledgeBase compiled = KnowledgeBase.loadDefault();
    // when / then
    assertSameAnswers(reference, compiled);
    assertThat(compiled.size()).isGreaterThan(80_000);
  }

  @Test
  void rowsCompiledInMemoryAnswerAsTheHashMapLoaderDid() throws IOException {
    // given rows with what the loader has rules for: a later row shadowing an id, a QID fixed by the supplement,
    // "the " names, teams named after places and formerly after others, competing demonyms, accents, a 9th column
    String rows = """
        # comment
        E\tQ1\tLOCATION\tcountry\tRuritania\tQ1\t1.000\tKingdom of Ruritania|The Ruritanian Realm|Ruritânia\tsrc
        E\tQ5\tLOCATION\tcity\tStrelsau\tQ1\t0.900\t
        E\tQ6\tLOCATION\tcity\tZenda\tQ1\t0.700\tZenda Castle
        E\tQ7\tORGANIZATION\tteam:soccer\tStrelsau United F.C.\tQ1\t0.500\tZenda Rovers|Strelsau Utd
        E\tQ8\tORGANIZATION\tteam:cricket\tRuritania national cricket team\tQ1\t0.400\t
        E\tQ2\tPERSON\tperson\tRudolf Rassendyll\t\t0.800\tRudolf Rassendyll|Red Elphberg
        E\tQ3\tPERSON\tperson\tRupert of Hentzau\tQ1\t0.300\tRupert Hentzau|The Count of Hentzau
        E\tQ3\tPERSON\tperson\tRupert Hentzau\tQ1\t0.350\tCount Rupert
        E\twlc:Flavia\tPERSON\tperson\tPrincess Flavia\tQ1\t0.600\tFlávia Elphberg
        E\tQ9\tMISC\tproduct\tThe Ruritanian Crown\t\t0.100\t
        R\tQ2\tKing of Ruritania\thead_of_state\tQ1\t1894-01-01\t1894-03-31
        R\twlc:Flavia\tQueen of Ruritania\thead_of_state\tQ1\t1894-04-01\t
        R\tQ3\tCount of Hentzau\tnoble\tQ1\t\t
        D\tRuritanian\tQ1\t50
        D\tRuritanian\tQ5\t40
        D\tStrelsauer\tQ5\t10
        D\tZendan\tQ6\t0
        X\tignored\trow
        """;
    String supplement = """
        # test
        alias\tQ1\tRuritany\ttest
        alias\tQ4\tNowhere\ttest
        qid\twlc:Flavia\tQ4\ttest
        demonym\tQ6\tZendan\ttest
        demonym\tQ1\tStrelsauer\ttest
        """;
    // when
    ReferenceKnowledgeBase reference = ReferenceKnowledgeBase.load(stream(rows), stream(supplement));
    KnowledgeBase compiled = KnowledgeBase.load(stream(rows), stream(supplement));
    // then
    assertSameAnswers(reference, compiled);
    assertThat(compiled.byId("Q3").name()).isEqualTo("Rupert Hentzau"); // the later row
    assertThat(compiled.byKey("rupert of hentzau")).extracting(KbEntry::name).containsExactly("Rupert of Hentzau");
    assertThat(compiled.byId("Q4").aliases()).containsExactly("Flávia Elphberg", "Nowhere");
    assertThat(compiled.countryOfDemonym("Strelsauer")).isEqualTo("Q1");
    assertThat(compiled.teamsByFormerPlace("zenda")).extracting(KbEntry::id).containsExactly("Q7");
  }

  /** Checks another base too: {@code -Dkb.equivalence.rows=/path/newsflow-kb.tsv.gz}, with the shipped supplement. */
  @Test
  @EnabledIfSystemProperty(named = "kb.equivalence.rows", matches = ".+")
  void anotherBaseAnswersAsTheHashMapLoaderDid() throws IOException {
    Path rows = Path.of(System.getProperty("kb.equivalence.rows"));
    ReferenceKnowledgeBase reference;
    KnowledgeBase compiled;
    try (InputStream in = gunzip(rows); InputStream supplement = supplement()) {
      reference = ReferenceKnowledgeBase.load(in, supplement);
    }
    try (InputStream in = gunzip(rows); InputStream supplement = supplement()) {
      compiled = KnowledgeBase.load(in, supplement);
    }
    assertSameAnswers(reference, compiled);
  }

  private static void assertSameAnswers(ReferenceKnowledgeBase reference, KnowledgeBase compiled) {
    KbTables tables = compiled.tables;
    assertThat(compiled.size()).isEqualTo(reference.size());
    assertSameList("entries", reference.entries(), compiled.entries());
    assertSameList("entry hashes", reference.entries().stream().map(e -> e.id().hashCode()).toList(),
        compiled.entries().stream().map(KbEntry::hashCode).toList());
    assertSameList("terms", reference.terms(), compiled.terms());
    assertSameList("demonymKeys", reference.demonymKeys(), compiled.demonymKeys());

    List<String> ids = reference.entries().stream().map(KbEntry::id).toList();
    assertThat(tables.byId.size()).isEqualTo(ids.size());
    assertSame("byId", with(ids), reference::byId, compiled::byId);
    assertThat(tables.byKey.size()).isEqualTo(reference.nameKeys().size());
    assertSame("byKey", with(reference.nameKeys()), reference::byKey, compiled::byKey);
    assertSame("byName", with(reference.entries().stream().map(KbEntry::name).toList()), reference::byName,
        compiled::byName);
    assertThat(tables.personsByFamilyName.size()).isEqualTo(reference.familyNames().size());
    assertSame("personsByFamilyName", with(reference.familyNames()), reference::personsByFamilyName,
        compiled::personsByFamilyName);
    assertThat(tables.bySound.size()).isEqualTo(reference.soundCodes().size());
    assertSame("bySoundCode", with(reference.soundCodes()), reference::bySoundCode, compiled::bySoundCode);
    List<String> tokens = reference.entries().stream().flatMap(e -> e.nameTokens().stream()).distinct().toList();
    assertSame("bySound", tokens, reference::bySound, compiled::bySound);
    assertThat(tables.teamsByPlace.size()).isEqualTo(reference.teamPlaces().size());
    assertThat(tables.teamsByFormerPlace.size()).isEqualTo(reference.formerTeamPlaces().size());
    List<String> places = with(reference.teamPlaces(), reference.formerTeamPlaces());
    assertSame("teamsByPlace", places, reference::teamsByPlace, compiled::teamsByPlace);
    assertSame("teamsByFormerPlace", places, reference::teamsByFormerPlace, compiled::teamsByFormerPlace);
    assertThat(tables.termsByPerson.size()).isEqualTo(reference.officeHolders().size());
    assertSame("termsOf", with(reference.officeHolders(), ids), reference::termsOf, compiled::termsOf);
    assertThat(tables.demonyms.size()).isEqualTo(reference.demonymKeys().size());
    assertSame("countryOfDemonym", with(reference.demonymKeys()), reference::countryOfDemonym,
        compiled::countryOfDemonym);
    assertSame("demonymKeys().contains", with(reference.demonymKeys()), k -> reference.demonymKeys().contains(k),
        k -> compiled.demonymKeys().contains(k));

    Set<String> prefixes = new TreeSet<>(ABSENT);
    for (String key : reference.nameKeys()) {
      prefixes.add(key.substring(0, Math.min(2, key.length())));
    }
    for (int limit : new int[] {0, 1, 7, 1_000}) {
      assertSame("keysStartingWith/" + limit, List.copyOf(prefixes), p -> reference.keysStartingWith(p, limit),
          p -> compiled.keysStartingWith(p, limit));
    }
    assertSameList("all keys", reference.keysStartingWith("", Integer.MAX_VALUE),
        compiled.keysStartingWith("", Integer.MAX_VALUE));
    assertThat(compiled.keysStartingWith("", Integer.MAX_VALUE)).hasSize(reference.nameKeys().size());
  }

  /** Same elements in the same order, failing at the first difference (not by printing both whole lists). */
  private static void assertSameList(String what, Collection<?> reference, Collection<?> compiled) {
    List<?> expected = List.copyOf(reference);
    List<?> actual = List.copyOf(compiled);
    int first = 0;
    while (first < Math.min(expected.size(), actual.size()) && expected.get(first).equals(actual.get(first))) {
      first++;
    }
    assertThat(first).as("%s: first difference at %d of %d/%d: %s vs %s", what, first, expected.size(),
            actual.size(), first < expected.size() ? expected.get(first) : "end",
            first < actual.size() ? actual.get(first) : "end")
        .isEqualTo(expected.size()).isEqualTo(actual.size());
  }

  /** Asks both for every key and fails naming the first few keys answered differently. */
  private static <T> void assertSame(String query, Collection<String> keys, Function<String, T> reference,
                                     Function<String, T> compiled) {
    List<String> different = new ArrayList<>();
    for (String key : keys) {
      if (!Objects.equals(reference.apply(key), compiled.apply(key))) {
        different.add(key);
      }
    }
    assertThat(different).as("%s answered differently for %d of %d keys, first %s", query, different.size(),
        keys.size(), different.stream().limit(5).toList()).isEmpty();
  }

  /** The keys given, then the absent ones. */
  @SafeVarargs
  private static List<String> with(Collection<String>... keys) {
    List<String> all = new ArrayList<>();
    for (Collection<String> k : keys) {
      all.addAll(k);
    }
    all.addAll(ABSENT);
    return all;
  }

  private static InputStream gunzip(Path rows) throws IOException {
    return new GZIPInputStream(Files.newInputStream(rows), 1 << 16);
  }

  private static InputStream supplement() {
    return KnowledgeBaseEquivalenceTest.class.getClassLoader().getResourceAsStream(KnowledgeBase.SUPPLEMENT);
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
