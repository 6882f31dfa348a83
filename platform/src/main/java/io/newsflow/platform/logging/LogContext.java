package io.newsflow.platform.logging;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.MDC;

/**
 * The story and trace a log line is about, as MDC entries {@value #STORY_ID} and {@value #TRACE_ID} (the JSON log
 * layout writes them as fields). A trace starts at the HTTP request that brought an article in (W3C
 * {@code traceparent} from the caller, else a new id) and travels with the article as the {@value #TRACEPARENT}
 * record header, so ingest's, enrich's and sink's lines about one article share it.
 *
 * <pre>{@code
 * try (LogContext story = LogContext.story(record.key(), record.headers())) {
 *   log.info("Dropped story {} ...", ...);   // carries storyId and traceId
 * }
 * }</pre>
 */
public final class LogContext implements AutoCloseable {

  public static final String STORY_ID = "storyId";
  public static final String TRACE_ID = "traceId";
  /** Record and HTTP header carrying the trace, W3C Trace Context format. */
  public static final String TRACEPARENT = "traceparent";

  private static final Pattern W3C = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String INVALID_TRACE = "0".repeat(32);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String previousStory;
  private final String previousTrace;

  private LogContext(String storyId, String traceId) {
    this.previousStory = MDC.get(STORY_ID);
    this.previousTrace = MDC.get(TRACE_ID);
    put(STORY_ID, storyId);
    put(TRACE_ID, traceId);
  }

  /** The story, with the trace its record carries (or the current one) until closed. */
  public static LogContext story(String storyId, Headers headers) {
    String trace = headers == null ? null : traceIdOf(headers.lastHeader(TRACEPARENT));
    return new LogContext(storyId, trace != null ? trace : MDC.get(TRACE_ID));
  }

  /** A trace (an HTTP request, a file, a feed poll) until closed; no story yet. */
  public static LogContext trace(String traceId) {
    return new LogContext(MDC.get(STORY_ID), traceId);
  }

  /** The trace id of a W3C {@code traceparent} value, or null when absent or malformed. */
  public static String traceIdOf(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    var m = W3C.matcher(traceparent.trim());
    return m.matches() && !m.group(1).equals(INVALID_TRACE) ? m.group(1) : null;
  }

  /** The current trace id, or a new random one when none is set. */
  public static String currentOrNewTraceId() {
    String current = MDC.get(TRACE_ID);
    return current != null ? current : newTraceId();
  }

  public static String newTraceId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  /** A {@value #TRACEPARENT} record header for the trace (a new span id each time, sampled flag off). */
  public static Header traceparent(String traceId) {
    byte[] span = new byte[8];
    RANDOM.nextBytes(span);
    String value = "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-00";
    return new RecordHeader(TRACEPARENT, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String traceIdOf(Header header) {
    return header == null ? null : traceIdOf(new String(header.value(), StandardCharsets.UTF_8));
  }

  private static void put(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  @Override
  public void close() {
    put(STORY_ID, previousStory);
    put(TRACE_ID, previousTrace);
  }
}
