package io.newsflow.kb;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;

/**
 * The knowledge base as {@link KnowledgeBaseCompiler} writes it to {@code kb/newsflow-kb.bin}: primitive arrays
 * over one {@link StringPool}, indexed by {@link KeyIndex}es. Entries and terms are numbered rows of ints; nothing
 * is kept per entry but those, and a {@link KbEntry} or {@link OfficeTerm} is made only when asked for. A row's
 * fields sit side by side, and an entry's strings were pooled together, so making one touches few cache lines.
 *
 * <p>The file, every number big-endian and every array written as its length then its elements:
 * <ol>
 *   <li>{@link #MAGIC}, {@link #VERSION};
 *   <li>the string pool;
 *   <li>entries, one row of {@link #ENTRY} ints per {@code E} row in the order read ({@link #E_ID} ..
 *       {@link #E_TOKENS}), then the pool numbers of each entry's aliases and name tokens, end to end;
 *   <li>office terms, one row of {@link #TERM} ints per {@code R} row ({@link #T_PERSON} .. {@link #T_END});
 *   <li>the entry of each distinct id, and the demonym keys, in the order {@code entries()} and
 *       {@code demonymKeys()} give them;
 *   <li>the indexes: by id, by name key, persons by family name, by sound, teams by place and by former place
 *       (to entry numbers), terms by holder (to term numbers), demonyms (to the country's pool number);
 *   <li>{@link #END}.
 * </ol>
 */
final class KbTables {

  /** "NFKB". */
  static final int MAGIC = 0x4E464B42;
  /** Raised whenever the layout changes, so that a stale file fails loudly instead of being misread. */
  static final int VERSION = 1;
  /** "END!", after the last table: a truncated file is not taken for a small one. */
  static final int END = 0x454E4421;

  /** Fields of an entry's row: pool numbers of id, kind, name and country, the type's ordinal, the prior's bits. */
  static final int E_ID = 0;
  static final int E_KIND = 1;
  static final int E_NAME = 2;
  static final int E_COUNTRY = 3;
  static final int E_TYPE = 4;
  static final int E_PRIOR_HIGH = 5;
  static final int E_PRIOR_LOW = 6;
  /** Where its aliases and then its name tokens start among the entry strings, and how many of each. */
  static final int E_STRINGS = 7;
  static final int E_ALIASES = 8;
  static final int E_TOKENS = 9;
  static final int ENTRY = 10;

  /** Fields of a term's row: pool numbers of holder, role, role type and country; first and last day. */
  static final int T_PERSON = 0;
  static final int T_ROLE = 1;
  static final int T_ROLE_TYPE = 2;
  static final int T_COUNTRY = 3;
  static final int T_START = 4;
  static final int T_END = 5;
  static final int TERM = 6;
  /** The day of a term that has none (epoch days otherwise). */
  static final int NO_DATE = Integer.MIN_VALUE;

  private static final EntityType[] TYPES = EntityType.values();

  final StringPool strings;

  private final int[] entries;
  private final int[] entryStrings;
  private final int[] terms;

  /** The entry of each distinct id (a later row with the same id shadows an earlier one). */
  final int[] identities;
  /** Pool numbers of the demonym keys. */
  final int[] demonymKeys;

  final KeyIndex byId;
  final KeyIndex byKey;
  final KeyIndex personsByFamilyName;
  final KeyIndex bySound;
  final KeyIndex teamsByPlace;
  final KeyIndex teamsByFormerPlace;
  final KeyIndex termsByPerson;
  final KeyIndex demonyms;

  private KbTables(ByteBuffer in) {
    strings = StringPool.read(in);
    entries = rows(TableIo.readInts(in), ENTRY);
    entryStrings = TableIo.readInts(in);
    terms = rows(TableIo.readInts(in), TERM);
    identities = TableIo.readInts(in);
    demonymKeys = TableIo.readInts(in);
    byId = KeyIndex.read(in, strings);
    byKey = KeyIndex.read(in, strings);
    personsByFamilyName = KeyIndex.read(in, strings);
    bySound = KeyIndex.read(in, strings);
    teamsByPlace = KeyIndex.read(in, strings);
    teamsByFormerPlace = KeyIndex.read(in, strings);
    termsByPerson = KeyIndex.read(in, strings);
    demonyms = KeyIndex.read(in, strings);
  }

  /**
   * Reads a compiled knowledge base.
   *
   * @param source where the bytes came from, for the error message
   * @throws IllegalStateException when the bytes are not a compiled knowledge base of this {@link #VERSION}
   */
  static KbTables read(byte[] bytes, String source) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length < 8 || in.getInt() != MAGIC) {
      throw new IllegalStateException(source + " is not a compiled newsflow knowledge base");
    }
    int version = in.getInt();
    if (version != VERSION) {
      throw new IllegalStateException(source + " was compiled in format version " + version + " but this code reads"
          + " version " + VERSION + ": it is stale; rebuild the kb module (mvn -pl kb package) to recompile it");
    }
    KbTables tables;
    try {
      tables = new KbTables(in);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IllegalStateException(source + " is truncated or corrupt", e);
    }
    if (in.remaining() != Integer.BYTES || in.getInt() != END) {
      throw new IllegalStateException(source + " is truncated or corrupt: no end mark after the last table");
    }
    return tables;
  }

  private static int[] rows(int[] fields, int width) {
    if (fields.length % width != 0) {
      throw new IllegalArgumentException(fields.length + " fields do not make rows of " + width);
    }
    return fields;
  }

  int termCount() {
    return terms.length / TERM;
  }

  /** Makes entry {@code e} (a few strings and two small lists). */
  KbEntry entry(int e) {
    int row = e * ENTRY;
    int aliases = entries[row + E_STRINGS];
    int tokens = aliases + entries[row + E_ALIASES];
    double prior = Double.longBitsToDouble((long) entries[row + E_PRIOR_HIGH] << 32
        | entries[row + E_PRIOR_LOW] & 0xFFFFFFFFL);
    return new KbEntry(strings.get(entries[row + E_ID]), TYPES[entries[row + E_TYPE]],
        strings.get(entries[row + E_KIND]), strings.get(entries[row + E_NAME]),
        strings.get(entries[row + E_COUNTRY]), prior, stringList(aliases, tokens),
        stringList(tokens, tokens + entries[row + E_TOKENS]));
  }

  OfficeTerm term(int t) {
    int row = t * TERM;
    return new OfficeTerm(strings.get(terms[row + T_PERSON]), strings.get(terms[row + T_ROLE]),
        strings.get(terms[row + T_ROLE_TYPE]), strings.get(terms[row + T_COUNTRY]), date(terms[row + T_START]),
        date(terms[row + T_END]));
  }

  private List<String> stringList(int from, int to) {
    String[] out = new String[to - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = strings.get(entryStrings[from + i]);
    }
    return List.of(out);
  }

  private static LocalDate date(int epochDay) {
    return epochDay == NO_DATE ? null : LocalDate.ofEpochDay(epochDay);
  }
}
