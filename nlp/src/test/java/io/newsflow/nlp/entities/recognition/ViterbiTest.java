package io.newsflow.nlp.entities.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViterbiTest {

  private static final int L = NerLabels.COUNT;

  @Test
  void followsTheEmissionsWhenTransitionsAreNeutral() {
    float[] emission = new float[3 * L];
    emission[NerLabels.of("PER", false)] = 2;
    emission[L + NerLabels.of("PER", true)] = 2;
    emission[2 * L] = 2;
    int[] labels = new int[3];
    new Viterbi().decode(emission, 3, new float[(L + 1) * L], labels);
    assertThat(labels).containsExactly(NerLabels.of("PER", false), NerLabels.of("PER", true), NerLabels.OUTSIDE);
  }

  @Test
  void neverStartsANameInsideOrSwitchesTypeInside() {
    float[] emission = new float[2 * L];
    emission[NerLabels.of("ORG", true)] = 5; // I-ORG first: not allowed
    emission[NerLabels.of("LOC", false)] = 1;
    emission[NerLabels.of("PER", false)] = -10;
    emission[L + NerLabels.of("PER", true)] = 5; // I-PER after LOC: not allowed
    emission[L + NerLabels.of("LOC", true)] = 1;
    int[] labels = new int[2];
    new Viterbi().decode(emission, 2, new float[(L + 1) * L], labels);
    assertThat(labels).containsExactly(NerLabels.of("LOC", false), NerLabels.of("LOC", true));
  }

  @Test
  void transitionsCanOutweighAWeakEmission() {
    float[] emission = new float[2 * L];
    emission[NerLabels.of("PER", false)] = 3;
    emission[L] = 1.0f;
    emission[L + NerLabels.of("PER", true)] = 0.5f;
    float[] transitions = new float[(L + 1) * L];
    transitions[NerLabels.of("PER", false) * L + NerLabels.of("PER", true)] = 1;
    int[] labels = new int[2];
    new Viterbi().decode(emission, 2, transitions, labels);
    assertThat(labels[1]).isEqualTo(NerLabels.of("PER", true));
  }
}
