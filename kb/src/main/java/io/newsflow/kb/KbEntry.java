package io.newsflow.kb;

import io.newsflow.kb.EntityType;
import java.util.List;

/**
 * One identity of the knowledge base.
 *
 * @param id         Wikidata QID, or another stable id ({@code geonames:…}, {@code wlc:…}) when there is none
 * @param type       entity type
 * @param kind       finer kind: country, admin1, city, intl-org, org, product, person
 * @param name       canonical name
 * @param countryQid QID of the country (or union) it belongs to; empty when none
 * @param prior      0..1 popularity prior among identities sharing a name
 * @param aliases    other names (Latin script)
 * @param nameTokens tokens of the name's key, computed once for matching
 */
public record KbEntry(String id, EntityType type, String kind, String name, String countryQid, double prior,
                      List<String> aliases, List<String> nameTokens) {

  public KbEntry {
    aliases = List.copyOf(aliases);
    nameTokens = List.copyOf(nameTokens);
  }

  /**
   * The id's hash: entries are looked up in sets and maps on the linking hot path, and the record's own hash
   * would walk every alias on each call. Consistent with the record's equality (equal entries have equal ids).
   */
  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Whether {@code id} is a Wikidata QID. */
  public boolean hasQid() {
    return isQid(id);
  }

  public static boolean isQid(String id) {
    if (id == null || id.length() < 2 || id.charAt(0) != 'Q') {
      return false;
    }
    for (int i = 1; i < id.length(); i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
