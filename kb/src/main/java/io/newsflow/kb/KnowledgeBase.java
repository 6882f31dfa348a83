package io.newsflow.kb;

import io.newsflow.kb.names.NameSimilarity;
import io.newsflow.kb.names.Names;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dictionary the tagger links against: identities by name, offices held by date, demonyms, and
 * a sound-alike index over name tokens for garbled names. Immutable once loaded; safe to share.
 *
 * <p>It is held as {@link KbTables}, primitive arrays over one string pool compiled at build time, so loading is
 * reading arrays and a base of a third of a million identities fits in about a hundred megabytes. Entries and terms
 * are made when a method returns them; lists are views that make an element when it is read.
 */
public final class KnowledgeBase {

  /** The rows the knowledge base is compiled from; in the source tree, not in the jar. */
  public static final String RESOURCE = "kb/newsflow-kb.tsv.gz";
  public static final String SUPPLEMENT = "kb/supplement.tsv";
  /** The tables {@link KnowledgeBaseCompiler} writes from {@link #RESOURCE} and {@link #SUPPLEMENT} at build time. */
  public static final String COMPILED = "kb/newsflow-kb.bin";

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

  /** Slots of the cache of recently made entries; a power of two. */
  private static final int RECENT = 1 << 14;

  final KbTables tables;
  /**
   * Entries made lately, by entry number modulo {@link #RECENT}: the linker asks for the same few thousand
   * (countries, leaders) story after story. Racy by design; a slot holds an immutable pair, so a reader sees a
   * whole one or none.
   */
  private final Made[] recent = new Made[RECENT];

  private record Made(int entry, KbEntry value) {}

  KnowledgeBase(KbTables tables) {
    this.tables = tables;
  }

  /**
   * The bundled dictionary, loaded on first use and then shared by every reader in the process (the entity
   * tagger, the sink's subscription resolver): it is never changed after loading, so one copy serves them all
   * and {@code bin/newsflow run} holds and loads it once.
   */
  public static KnowledgeBase shared() {
    return Shared.INSTANCE;
  }

  /**
   * A new copy of the bundled dictionary, from {@link #COMPILED} on the classpath (well under a second); most
   * callers want {@link #shared()}. Without it (a build that skipped the compiler) the rows are compiled in memory,
   * which takes seconds.
   *
   * @throws IllegalStateException when the compiled tables are stale or corrupt, or neither they nor the rows are
   *     on the classpath
   */
  public static KnowledgeBase loadDefault() {
    ClassLoader loader = KnowledgeBase.class.getClassLoader();
    try (InputStream compiled = loader.getResourceAsStream(COMPILED)) {
      if (compiled != null) {
        return new KnowledgeBase(KbTables.read(compiled.readAllBytes(), "classpath resource " + COMPILED));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream rows = loader.getResourceAsStream(RESOURCE);
         InputStream supplement = loader.getResourceAsStream(SUPPLEMENT)) {
      if (rows == null) {
        throw new IllegalStateException("Missing classpath resources " + COMPILED + " and " + RESOURCE
            + ": build the kb module (mvn -pl kb package), whose build compiles " + COMPILED);
      }
      LOG.warn("No {} on the classpath: compiling {} in memory (seconds); the kb module's build compiles it",
          COMPILED, RESOURCE);
      return load(new GZIPInputStream(rows, 1 << 16), supplement);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a knowledge base from its rows (an uncompressed stream, as in {@link #RESOURCE}) and an optional
   * supplement, compiling them in memory to the same tables the build writes.
   */
  public static KnowledgeBase load(InputStream compiled, InputStream supplement) throws IOException {
    return new KnowledgeBase(KbTables.read(KnowledgeBaseCompiler.compile(compiled, supplement),
        "knowledge base compiled in memory"));
  }

  /** Sports teams named by this place or short name key ("cleveland" → Cleveland Indians, Cleveland Browns…). */
  public List<KbEntry> teamsByPlace(String key) {
    return entries(tables.teamsByPlace, key);
  }

  /** Teams whose other names (often former ones: "California Angels") start with this place key. */
  public List<KbEntry> teamsByFormerPlace(String key) {
    return entries(tables.teamsByFormerPlace, key);
  }

  public KbEntry byId(String id) {
    int slot = tables.byId.find(id);
    return slot < 0 ? null : entry(tables.byId.value(tables.byId.from(slot)));
  }

  /** Identities with this exact name or alias (compared by {@link Names#key}). */
  public List<KbEntry> byName(String name) {
    return byKey(Names.key(name));
  }

  /** Identities with this name key. */
  public List<KbEntry> byKey(String key) {
    return entries(tables.byKey, key);
  }

  /** Persons whose family name (last token of a name) is this key. */
  public List<KbEntry> personsByFamilyName(String key) {
    return entries(tables.personsByFamilyName, key);
  }

  /** Identities with a name token that sounds like this token (Double Metaphone). */
  public List<KbEntry> bySound(String token) {
    return bySoundCode(NameSimilarity.sound(token));
  }

  /** Identities with a name token of this Double Metaphone code. */
  List<KbEntry> bySoundCode(String code) {
    return entries(tables.bySound, code);
  }

  /** The country QID of a demonym or nationality adjective ("French" → Q142), or null. */
  public String countryOfDemonym(String word) {
    int slot = tables.demonyms.find(Names.key(word));
    return slot < 0 ? null : tables.strings.get(tables.demonyms.value(tables.demonyms.from(slot)));
  }

  public List<OfficeTerm> termsOf(String personId) {
    KeyIndex index = tables.termsByPerson;
    int slot = index.find(personId);
    if (slot < 0) {
      return List.of();
    }
    int from = index.from(slot);
    return new Lazy<>(index.to(slot) - from, i -> tables.term(index.value(from + i)));
  }

  /** Every office term, in the order of the rows. */
  public List<OfficeTerm> terms() {
    return new Lazy<>(tables.termCount(), tables::term);
  }

  /**
   * Name keys (as {@link Names#key}) that start with {@code prefix}, in sorted order, at most {@code limit}: for
   * suggestions while a name is typed.
   */
  public List<String> keysStartingWith(String prefix, int limit) {
    KeyIndex index = tables.byKey;
    List<String> out = new ArrayList<>();
    for (int slot = index.lowerBound(prefix); slot < index.size() && out.size() < limit; slot++) {
      String key = index.key(slot);
      if (!key.startsWith(prefix)) {
        break;
      }
      out.add(key);
    }
    return out;
  }

  /** The number of distinct identities (ids). */
  public int size() {
    return tables.identities.length;
  }

  /** Every identity (builds the recogniser's gazetteer). */
  public Collection<KbEntry> entries() {
    int[] identities = tables.identities;
    return Collections.unmodifiableCollection(new Lazy<>(identities.length, i -> entry(identities[i])));
  }

  /** The name keys of every demonym and nationality adjective ("french", "serb"). */
  public Set<String> demonymKeys() {
    return new DemonymKeys();
  }

  /** The entries listed under {@code key} in {@code index}, made as they are read. */
  private List<KbEntry> entries(KeyIndex index, String key) {
    int slot = index.find(key);
    if (slot < 0) {
      return List.of();
    }
    int from = index.from(slot);
    return new Lazy<>(index.to(slot) - from, i -> entry(index.value(from + i)));
  }

  private KbEntry entry(int entry) {
    int slot = entry & (RECENT - 1);
    Made made = recent[slot];
    if (made == null || made.entry() != entry) {
      made = new Made(entry, tables.entry(entry));
      recent[slot] = made;
    }
    return made.value();
  }

  /** A read-only list whose elements are made when read: the tables hold no object per element. */
  private static final class Lazy<T> extends AbstractList<T> implements RandomAccess {

    private final int size;
    private final IntFunction<T> element;

    Lazy(int size, IntFunction<T> element) {
      this.size = size;
      this.element = element;
    }

    @Override
    public T get(int index) {
      return element.apply(Objects.checkIndex(index, size));
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** The demonym keys in the order they have always been given, answering {@code contains} from the index. */
  private final class DemonymKeys extends AbstractSet<String> {

    @Override
    public boolean contains(Object o) {
      return o instanceof String key && tables.demonyms.find(key) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
      int[] keys = tables.demonymKeys;
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < keys.length;
        }

        @Override
        public String next() {
          if (next == keys.length) {
            throw new NoSuchElementException();
          }
          return tables.strings.get(keys[next++]);
        }
      };
    }

    @Override
    public int size() {
      return tables.demonymKeys.length;
    }
  }

  private static final class Shared {
    static final KnowledgeBase INSTANCE = loadDefault();
  }
}
