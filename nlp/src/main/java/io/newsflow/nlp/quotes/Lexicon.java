package io.newsflow.nlp.quotes;

import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.text.Tsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed word lists the quote and stance rules read, loaded from the data files under {@code stance/}:
 * speech verbs, titles of office, nationality adjectives, group nouns and function words. Immutable.
 */
public final class Lexicon {

  /** A title of office as lower-case tokens, and whether its holder speaks for the country named with it. */
  public record Role(List<String> tokens, boolean speaksFor) {}

  private final Map<String, String> speechVerbs = new HashMap<>();
  private final Set<String> clauseVerbs = new HashSet<>();
  private final List<Role> roles = new ArrayList<>();
  private final Set<String> roleWords = new HashSet<>();
  private final Map<String, List<Role>> rolesByLastWord = new HashMap<>();
  private final Map<String, EntityRef> demonyms = new HashMap<>();
  private final Set<String> groupHeads = new HashSet<>();
  private final Set<String> groupModifiers = new HashSet<>();
  private final Set<String> groupStops = new HashSet<>();
  private final Map<String, String> functionWords = new HashMap<>();

  private Lexicon() {}

  public static Lexicon load() {
    Lexicon lexicon = new Lexicon();
    for (Map<String, String> row : Tsv.read("stance/speech-verbs.tsv")) {
      lexicon.speechVerbs.put(row.get("verb"), row.get("kind"));
      if ("yes".equals(row.get("clause"))) {
        lexicon.clauseVerbs.add(row.get("verb"));
      }
    }
    for (Map<String, String> row : Tsv.read("stance/roles.tsv")) {
      List<String> tokens = Arrays.asList(row.get("role").split(" "));
      lexicon.roles.add(new Role(tokens, "yes".equals(row.get("speaks_for"))));
      lexicon.roleWords.addAll(tokens);
    }
    lexicon.roles.sort(Comparator.comparingInt((Role r) -> r.tokens().size()).reversed());
    for (Role role : lexicon.roles) {
      lexicon.rolesByLastWord.computeIfAbsent(role.tokens().get(role.tokens().size() - 1), k -> new ArrayList<>())
          .add(role);
    }
    for (Map<String, String> row : Tsv.read("stance/demonyms.tsv")) {
      lexicon.demonyms.putIfAbsent(row.get("adjective"), new EntityRef(row.get("qid"), row.get("country")));
    }
    for (Map<String, String> row : Tsv.read("stance/groups.tsv")) {
      switch (row.get("kind")) {
        case "head" -> lexicon.groupHeads.add(row.get("word"));
        case "modifier" -> lexicon.groupModifiers.add(row.get("word"));
        default -> lexicon.groupStops.add(row.get("word"));
      }
    }
    for (Map<String, String> row : Tsv.read("stance/function-words.tsv")) {
      lexicon.functionWords.put(row.get("word"), row.get("kind"));
    }
    return lexicon;
  }

  /** "speech", "report", or null when the word is not a speech verb. */
  public String speechVerb(String lower) {
    return speechVerbs.get(lower);
  }

  /** Whether reported words may follow the verb without "that" ("he said the court was ..."). */
  public boolean takesClause(String lower) {
    return clauseVerbs.contains(lower);
  }

  /** Whether a word can start a title of office ("coach" in "Harbour City coach Lena Fischer"). */
  public boolean startsRole(String lower) {
    for (Role role : roles) {
      if (role.tokens().get(0).equals(lower)) {
        return true;
      }
    }
    return false;
  }

  public List<Role> roles() {
    return roles;
  }

  /** Titles ending with a word, longest first. */
  public List<Role> rolesEndingWith(String lower) {
    return rolesByLastWord.getOrDefault(lower, List.of());
  }

  public boolean isRoleWord(String lower) {
    return roleWords.contains(lower);
  }

  /** The country of a nationality adjective or short form ("Italian", "US"), or null. */
  public EntityRef demonym(String surface) {
    return demonyms.get(surface);
  }

  public boolean isGroupHead(String lower) {
    return groupHeads.contains(lower);
  }

  public boolean isGroupModifier(String lower) {
    return groupModifiers.contains(lower);
  }

  public boolean isGroupStop(String surface) {
    return groupStops.contains(surface);
  }

  /** The kind of a function word (preposition, pronoun:person, clause, stop, ...), or null. */
  public String functionWord(String lower) {
    return functionWords.get(lower);
  }

  public boolean isPreposition(String lower) {
    return "preposition".equals(functionWords.get(lower));
  }

  /** person, thing, plural or speaker for a subject pronoun; null for other words. */
  public String pronounClass(String lower) {
    String kind = functionWords.get(lower);
    return kind != null && kind.startsWith("pronoun:") ? kind.substring("pronoun:".length()) : null;
  }
}
