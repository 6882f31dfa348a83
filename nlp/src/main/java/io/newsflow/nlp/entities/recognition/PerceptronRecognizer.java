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
      int from = doc.sentenceStart(s);
      int n = doc.sentenceEnd(s) - from;
      label(doc, s, w);
      int begin = -1;
      for (int i = 0; i <= n; i++) {
        int label = i < n ? w.labels[i] : NerLabels.OUTSIDE;
        if (begin >= 0 && (label == NerLabels.OUTSIDE || !NerLabels.isInside(label))) {
          int first = from + begin;
          int last = from + i - 1;
          int start = doc.start(first);
          int end = doc.end(last);
          mentions.add(new Mention(field, start, end, text.substring(start, end),
              NerLabels.entityType(w.labels[begin]), null));
          begin = -1;
        }
        if (i < n && label != NerLabels.OUTSIDE && !NerLabels.isInside(label)) {
          begin = i;
        }
      }
    }
    return mentions;
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
