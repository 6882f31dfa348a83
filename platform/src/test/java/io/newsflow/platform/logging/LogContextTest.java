package io.newsflow.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void readsTheTraceIdOfAW3cTraceparentAndRefusesMalformedOnes() {
    assertThat(LogContext.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(LogContext.traceIdOf("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
    assertThat(LogContext.traceIdOf("00-4BF92F3577B34DA6-00f067aa0ba902b7-01")).isNull();
    assertThat(LogContext.traceIdOf("not a trace")).isNull();
    assertThat(LogContext.traceIdOf(null)).isNull();
  }

  @Test
  void carriesARecordsTraceWithItsStoryAndRestoresWhatWasThereBefore() {
    // given a request's trace, and a record written under another trace
    String recordTrace = LogContext.newTraceId();
    Header traceparent = LogContext.traceparent(recordTrace);
    RecordHeaders headers = new RecordHeaders();
    headers.add(traceparent);
    MDC.put(LogContext.TRACE_ID, "11111111111111111111111111111111");

    // when a step works on the record's story
    try (LogContext story = LogContext.story("urn:agency:flood", headers)) {
      // then its lines carry the story and the record's trace
      assertThat(MDC.get(LogContext.STORY_ID)).isEqualTo("urn:agency:flood");
      assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo(recordTrace);
    }

    // and afterwards the request's context is back
    assertThat(MDC.get(LogContext.STORY_ID)).isNull();
    assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("11111111111111111111111111111111");
    assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).matches("00-" + recordTrace + "-[0-9a-f]{16}-00");
  }

  @Test
  void keepsTheCurrentTraceForARecordWithoutOne() {
    try (LogContext trace = LogContext.trace("22222222222222222222222222222222");
         LogContext story = LogContext.story("urn:agency:budget", new RecordHeaders())) {
      assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("22222222222222222222222222222222");
      assertThat(LogContext.currentOrNewTraceId()).isEqualTo("22222222222222222222222222222222");
    }
    assertThat(MDC.get(LogContext.TRACE_ID)).isNull();
    assertThat(LogContext.currentOrNewTraceId()).matches("[0-9a-f]{32}");
  }
}
