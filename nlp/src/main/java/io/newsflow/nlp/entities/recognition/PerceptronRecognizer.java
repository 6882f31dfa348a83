package io.newsflow.nlp.entities.recognition;

import io.newsflow.nlp.model.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * newsflow's own name recogniser: a structured averaged perceptron over hashed features ({@link NerDocument}),
 * decoded sentence by sentence with {@link Viterbi}; the types it predicted for a word earlier in the text are
 * features of the word later on. Trained by {@code bin/newsflow train ner} (see nlp/ENTITIES.md).
 *
 * <p>Thread-safe: the model is read-only, each thread has its own buffers. Per token nothing is allocated.
 */
public final class PerceptronRecognizer implements NameRecognizer {

  public static final String MODEL = "ner/newsflow-ner.bin.gz";

  private final NerModel model;
  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

  public PerceptronRecognizer(NerModel model) {
    this.model = model;
  }

  /** Loads the bundled model from the classpath. */
  public static PerceptronRecognizer load() {
    try (InputStream in = PerceptronRecognizer.class.getClassLoader().getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + MODEL + " (build it: bin/newsflow train ner)");
      }
      return new PerceptronRecognizer(NerModel.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read NER model " + MODEL, e);
    }
  }

  @Override
  public String modelVersion() {
    return model.provenance();
  }

  @Override
  public List<Mention> recognise(TextField field, String text) {
    List<Mention> mentions = new ArrayList<>();
    if (text.isBlank()) {
      return mentions;
    }
    Workspace w = workspaces.get();
    NerDocument doc = w.doc;
    doc.read(text);
    for (int s = 0; s < doc.sentences(); s++) {
      label(doc, s, w);
      forEachName(doc, s, w.labels, (start, end, label) -> mentions.add(
          new Mention(field, start, end, text.substring(start, end), NerLabels.entityType(label), null)));
    }
    return mentions;
  }

  /** Receives one name: its characters and its B- label. */
  @FunctionalInterface
  public interface NameVisitor {
    void visit(int start, int end, int label);
  }

  /**
   * The names of a labelled sentence, as character spans: a B- label and the I- labels after it, without
   * punctuation in front, a quotation mark or dash at the end, or a pronoun run into the name at its end ("Altf Saltz He
   * said": a missing full stop in garbled copy).
   */
  public static void forEachName(NerDocument doc, int s, int[] labels, NameVisitor visitor) {
    int from = doc.sentenceStart(s);
    int n = doc.sentenceEnd(s) - from;
    int begin = -1;
    for (int i = 0; i <= n; i++) {
      int label = i < n ? labels[i] : NerLabels.OUTSIDE;
      if (begin >= 0 && !NerLabels.isInside(label)) {
        int first = from + begin;
        int last = from + i - 1;
        while (first <= last && doc.isPunctuation(first)) {
          first++;
        }
        while (last > first && (doc.cannotEndName(last) || doc.isPronoun(last))) {
          last--;
        }
        if (first <= last && !doc.isPunctuation(first)) {
          visitor.visit(doc.start(first), doc.end(last), labels[begin]);
        }
        begin = -1;
      }
      if (i < n && label != NerLabels.OUTSIDE && !NerLabels.isInside(label)) {
        begin = i;
      }
    }
  }

  /** Labels sentence {@code s} into {@code w.labels} and remembers the labels for the rest of the text. */
  private void label(NerDocument doc, int s, Workspace w) {
    int n = doc.sentenceEnd(s) - doc.sentenceStart(s);
    doc.extract(s, model.clusters(), model.names());
    int[] features = doc.features();
    for (int i = 0; i < n; i++) {
      model.score(features, i * NerDocument.MAX_FEATURES, doc.featureCount(i), w.emission, i * NerLabels.COUNT);
    }
    w.viterbi.decode(w.emission, n, model.transitions(), w.labels);
    doc.remember(s, w.labels);
  }

  /** One thread's buffers. */
  private static final class Workspace {
    final NerDocument doc = new NerDocument();
    final Viterbi viterbi = new Viterbi();
    final float[] emission = new float[NerDocument.MAX_SENTENCE * NerLabels.COUNT];
    final int[] labels = new int[NerDocument.MAX_SENTENCE];
  }
}
