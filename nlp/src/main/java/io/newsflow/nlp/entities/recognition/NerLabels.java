package io.newsflow.nlp.entities.recognition;

import io.newsflow.kb.EntityType;

/** The BIO labels: 0 outside; then B and I of PER, ORG, LOC, MISC. */
public final class NerLabels {

  public static final int OUTSIDE = 0;
  public static final int COUNT = 9;
  private static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};
  private static final EntityType[] ENTITY_TYPES = {
      EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.MISC};

  private NerLabels() {}

  /** The label beginning (or, {@code inside}, continuing) a name of a type: PER, ORG, LOC or MISC. */
  public static int of(String type, boolean inside) {
    for (int i = 0; i < TYPES.length; i++) {
      if (TYPES[i].equals(type)) {
        return 1 + 2 * i + (inside ? 1 : 0);
      }
    }
    throw new IllegalArgumentException("Unknown entity type " + type + " (PER, ORG, LOC or MISC)");
  }

  /** 0..3 for PER, ORG, LOC, MISC; the label must not be {@link #OUTSIDE}. */
  public static int type(int label) {
    return (label - 1) / 2;
  }

  public static boolean isInside(int label) {
    return label != OUTSIDE && (label - 1) % 2 == 1;
  }

  public static String typeCode(int label) {
    return TYPES[type(label)];
  }

  public static EntityType entityType(int label) {
    return ENTITY_TYPES[type(label)];
  }

  /** Whether {@code label} may follow {@code previous} (-1: sentence start): I-X only after B-X or I-X. */
  public static boolean allowed(int previous, int label) {
    if (!isInside(label)) {
      return true;
    }
    return previous > OUTSIDE && type(previous) == type(label);
  }
}
