package io.newsflow.sink.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins to the desk: a random session id (the cookie's value) maps to the principal of the API token that
 * signed in and a per-session CSRF token the page sends with every write. Sessions live in memory on this
 * instance and end after {@code idle} without use, on sign-out, or when the instance restarts.
 */
public final class DeskSessions {

  /** One sign-in. */
  public record Session(String id, String principal, String csrfToken, Instant expires) {}

  static final int MAX_SESSIONS = 10_000;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Duration idle;
  private final Clock clock;

  public DeskSessions(Duration idle, Clock clock) {
    this.idle = idle;
    this.clock = clock;
  }

  public Session open(String principal) {
    Instant now = clock.instant();
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.values().removeIf(s -> !s.expires().isAfter(now));
      if (sessions.size() >= MAX_SESSIONS) {
        sessions.values().stream().min(java.util.Comparator.comparing(Session::expires))
            .ifPresent(oldest -> sessions.remove(oldest.id()));
      }
    }
    Session s = new Session(randomToken(), principal, randomToken(), now.plus(idle));
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with this id, its expiry pushed back; empty when unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (!s.expires().isAfter(now)) {
      sessions.remove(id, s);
      return Optional.empty();
    }
    Session renewed = new Session(s.id(), s.principal(), s.csrfToken(), now.plus(idle));
    sessions.replace(id, s, renewed);
    return Optional.of(renewed);
  }

  public void close(String id) {
    sessions.remove(id);
  }

  public Duration idle() {
    return idle;
  }

  /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(Session session, String presented) {
    return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
