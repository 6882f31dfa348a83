package io.newsflow.nlp.entities.recognition;

import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.kb.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds titles written in front of names ("German Chancellor Olaf Scholz", "the Italian Prime Minister,
 * Giorgia Meloni", "The President of the European Commission, Ursula von der Leyen") and the country or
 * organisation they name, through demonyms, country names and "of …" phrases.
 */
public final class TitleFinder {

  private static final Pattern TITLE = Pattern.compile(
      "\\b(Vice[- ]President|Deputy Prime Minister|President|Prime Minister|Premier|Federal Chancellor|Chancellor"
          + "|King|Queen|Emperor|Emir|Sultan|Pope|Secretary[- ]General|Foreign Minister|Defence Minister"
          + "|Defense Minister|Finance Minister|Senator|Sen\\.|Governor|Mayor|Chairman|Chairwoman|Taoiseach)\\b");
  private static final Pattern BEFORE = Pattern.compile(
      "((?:[A-Z][\\p{L}.]*\\s+)?[A-Z][\\p{L}.]*)(?:'s|’s)?\\s+$");
  private static final Pattern OF_PHRASE = Pattern.compile(
      "^\\s+of\\s+(?:the\\s+)?([A-Z][\\p{L}-]*(?:\\s+(?:of\\s+|the\\s+)?[A-Z][\\p{L}-]*){0,3})");
  private static final Pattern NAME_START = Pattern.compile("^\\s*,?\\s*(?=\\p{Lu})");

  private final KnowledgeBase kb;

  public TitleFinder(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** The titles in a text that are followed by a capitalised word (the name's start). */
  public List<OfficeCue> find(String text) {
    List<OfficeCue> cues = new ArrayList<>();
    Matcher m = TITLE.matcher(text);
    while (m.find()) {
      if (isShouting(text, m.start(), m.end())) {
        continue;
      }
      String title = canonicalTitle(m.group(1));
      Scope scope = null;
      int end = m.end();
      Matcher of = OF_PHRASE.matcher(text.substring(end, Math.min(text.length(), end + 80)));
      if (of.find()) {
        scope = resolveScope(of.group(1), true);
        if (scope != null) {
          end += of.end();
        }
      }
      if (scope == null) {
        Matcher before = BEFORE.matcher(text.substring(Math.max(0, m.start() - 40), m.start()));
        if (before.find()) {
          scope = resolveScope(before.group(1), false);
        }
      }
      Matcher name = NAME_START.matcher(text.substring(end, Math.min(text.length(), end + 6)));
      if (name.find()) {
        cues.add(new OfficeCue(title, scope == null ? null : scope.id, scope == null ? null : scope.name,
            end + name.end()));
      }
    }
    return cues;
  }

  private static boolean isShouting(String text, int start, int end) {
    // capitalised headlines have no title/name contrast to read
    return text.substring(start, end).equals(text.substring(start, end).toUpperCase(Locale.ROOT));
  }

  private static String canonicalTitle(String written) {
    String t = written.toLowerCase(Locale.ROOT).replace('-', ' ');
    return switch (t) {
      case "premier" -> "prime minister";
      case "federal chancellor" -> "chancellor";
      case "sen." -> "senator";
      case "chairwoman" -> "chairman";
      default -> t;
    };
  }

  private record Scope(String id, String name) {}

  /** A country (by demonym or name) or an organisation; tries the whole phrase, then its last word(s). */
  private Scope resolveScope(String phrase, boolean organisationsToo) {
    String[] words = phrase.trim().split("\\s+");
    for (int from = 0; from < words.length; from++) {
      String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
      String demonymCountry = kb.countryOfDemonym(candidate);
      if (demonymCountry != null) {
        KbEntry country = kb.byId(demonymCountry);
        return new Scope(demonymCountry, country == null ? candidate : country.name());
      }
      for (KbEntry e : kb.byName(candidate)) {
        if (e.kind().equals("country") || (organisationsToo || candidate.length() <= 4)
            && e.type() == EntityType.ORGANIZATION && e.kind().equals("intl-org")) {
          return new Scope(e.id(), e.name());
        }
      }
    }
    // "President of the French Republic": the demonym inside names the country
    if (organisationsToo) {
      for (String w : words) {
        String c = kb.countryOfDemonym(w);
        if (c != null) {
          KbEntry country = kb.byId(c);
          return new Scope(c, country == null ? w : country.name());
        }
      }
    }
    return null;
  }
}
