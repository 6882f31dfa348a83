package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The launcher's log4j2.xml: one JSON object per line with the story and trace ids when NEWSFLOW_LOG_FORMAT=json. */
class JsonLogLayoutTest {

  @Test
  void writesOneJsonObjectPerEventWithStoryAndTraceIds() throws Exception {
    // given
    List<String> lines = logWith("json", log -> {
      MDC.put("storyId", "urn:newsflow:story-42");
      MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
      try {
        log.info("Accepted story {} version {}", "story-42", 2);
        log.warn("Slow enrichment\nsecond line of the message", new IllegalStateException("boom"));
      } finally {
        MDC.clear();
      }
    });

    // then
    assertThat(lines).hasSize(2);
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      events.add(Json.mapper().readTree(line));
    }
    assertThat(events).allSatisfy(e -> {
      assertThat(e.isObject()).isTrue();
      assertThat(e.path("@timestamp").asText()).isNotEmpty();
      assertThat(e.path("storyId").asText()).isEqualTo("urn:newsflow:story-42");
      assertThat(e.path("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    });
    assertThat(events.get(0).path("message").asText()).isEqualTo("Accepted story story-42 version 2");
    assertThat(events.get(0).path("log.level").asText()).isEqualTo("INFO");
    assertThat(events.get(1).path("message").asText()).contains("second line");
    assertThat(events.get(1).path("error.type").asText()).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void writesReadableTextForATerminal() throws Exception {
    // given
    List<String> lines = logWith("text", log -> log.info("Accepted story {}", "story-7"));

    // then
    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line).doesNotStartWith("{").contains("INFO").endsWith("Accepted story story-7");
    });
  }

  /** Logs through a logger context configured from the launcher's log4j2.xml, capturing what it writes. */
  private static List<String> logWith(String format, java.util.function.Consumer<Logger> logging) throws Exception {
    PrintStream original = System.err;
    String previous = System.getProperty("newsflow.log.format");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setProperty("newsflow.log.format", format);
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggerContext context = new LoggerContext("layout-" + format);
    try {
      context.setConfigLocation(JsonLogLayoutTest.class.getResource("/log4j2.xml").toURI());
      logging.accept(context.getLogger("io.newsflow.ops.LayoutCheck"));
    } finally {
      context.stop();
      System.setErr(original);
      if (previous == null) {
        System.clearProperty("newsflow.log.format");
      } else {
        System.setProperty("newsflow.log.format", previous);
      }
    }
    return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
