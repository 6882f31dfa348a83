package io.newsflow.launcher;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.nlp.model.Polarity;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in stance tagger for the end-to-end test: every body sentence that says "hesitant" makes each entity
 * mentioned in it a HESITANT holder, with the sentence as evidence.
 */
final class HesitancyStanceTagger implements StanceTagger {

  private static final Pattern SENTENCE = Pattern.compile("[^.!?\\s][^.!?]*[.!?]");

  @Override
  public Result tag(ArticleText text, List<Entity> entities) {
    List<Stance> stances = new ArrayList<>();
    Matcher m = SENTENCE.matcher(text.body());
    while (m.find()) {
      TextSpan sentence = text.span(TextField.BODY, m.start(), m.end());
      int hesitant = sentence.text().indexOf("hesitant");
      if (hesitant < 0) {
        continue;
      }
      String target = sentence.text().substring(hesitant + "hesitant".length()).replaceAll("^\\s*to\\s+", "")
          .replaceAll("[.!?]$", "");
      for (Entity e : entities) {
        if (e.mentions().stream().anyMatch(sentence::contains)) {
          stances.add(new Stance(e.ref(), null, target, null, Polarity.HESITANT, 0.7, sentence, null));
        }
      }
    }
    return new Result(List.of(), stances);
  }
}
