package io.newsflow.bench.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StepMeterTest {

  @Test
  void warmsUpAtLeastTheMinimumThenMeasuresEachInputOnce() {
    List<Integer> inputs = IntStream.range(0, 30).boxed().toList();
    AtomicInteger calls = new AtomicInteger();
    StepMeter meter = new StepMeter(StepMeter.ROUND + 30);

    StepResult result = meter.measure("count", inputs, i -> {
      calls.incrementAndGet();
      return i;
    }, "counting");

    assertThat(result.measured()).isTrue();
    assertThat(result.articles()).isEqualTo(30);
    // the minimum, then at least the quiet rounds
    assertThat(result.warmupCalls()).isBetween(StepMeter.ROUND + 30 + StepMeter.QUIET_ROUNDS * StepMeter.ROUND,
        20 * (StepMeter.ROUND + 30));
    assertThat(calls.get()).isEqualTo(result.warmupCalls() + 30);
    assertThat(result.jitMillis()).isGreaterThanOrEqualTo(0);
    assertThat(result.gcMillis()).isGreaterThanOrEqualTo(0);
    // the result of every call is folded in: warm-up cycles through the inputs, then each input once
    long expected = IntStream.range(0, result.warmupCalls()).map(i -> i % 30).asLongStream().sum() + IntStream.range(0, 30).sum();
    assertThat(meter.sink()).isEqualTo(expected);
  }

  @Test
  void warmUpRunsInWholeRoundsAfterTheMinimumAndIsCapped() {
    StepMeter meter = new StepMeter(StepMeter.ROUND);
    StepResult result = meter.measure("noop", List.of(1, 2, 3), i -> i, "no-op");

    assertThat(result.warmupCalls())
        .isGreaterThanOrEqualTo(StepMeter.ROUND * (1 + StepMeter.QUIET_ROUNDS))
        .isLessThanOrEqualTo(20 * StepMeter.ROUND);
    assertThat(result.warmupCalls() % StepMeter.ROUND).isZero();
  }
}
