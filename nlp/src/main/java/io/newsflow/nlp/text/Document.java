package io.newsflow.nlp.text;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An article's headline and body with their tokens and sentences, computed once and shared by the NLP steps. */
public final class Document {

  private final ArticleText article;
  private final Map<TextField, List<Token>> tokens = new EnumMap<>(TextField.class);
  private final Map<TextField, List<Sentence>> sentences = new EnumMap<>(TextField.class);
  private final Map<TextField, List<String>> words = new EnumMap<>(TextField.class);

  public Document(ArticleText article) {
    this.article = article;
    for (TextField field : TextField.values()) {
      tokens.put(field, Tokenizer.tokenize(article.text(field)));
      sentences.put(field, SentenceSplitter.split(field, article.text(field)));
      words.put(field, tokens.get(field).stream().map(Token::lower).toList());
    }
  }

  public ArticleText article() {
    return article;
  }

  public String text(TextField field) {
    return article.text(field);
  }

  public List<Token> tokens(TextField field) {
    return tokens.get(field);
  }

  public List<Sentence> sentences(TextField field) {
    return sentences.get(field);
  }

  public List<Sentence> sentences() {
    List<Sentence> all = new ArrayList<>(sentences.get(TextField.HEADLINE));
    all.addAll(sentences.get(TextField.BODY));
    return all;
  }

  /** The sentence holding a position, or the last one before it. */
  public Sentence sentenceAt(TextField field, int position) {
    List<Sentence> list = sentences.get(field);
    int lo = 0;
    int hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).start() <= position) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == 0 ? null : list.get(lo - 1);
  }

  /** The lower-cased words of a text, one per token. */
  public List<String> words(TextField field) {
    return words.get(field);
  }

  /** Index of the first token that ends after a position (the token at or after it). */
  public int tokenIndexAt(TextField field, int position) {
    List<Token> list = tokens.get(field);
    int lo = 0;
    int hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).end() <= position) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  public TextSpan span(TextField field, int start, int end) {
    return article.span(field, start, end);
  }

  public TextSpan span(Sentence sentence) {
    return article.span(sentence.field(), sentence.start(), sentence.end());
  }
}
