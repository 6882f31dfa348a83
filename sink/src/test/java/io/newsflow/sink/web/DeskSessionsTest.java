package io.newsflow.sink.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.sink.web.DeskSessions.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeskSessionsTest {

  Instant now = Instant.parse("2026-12-04T10:00:00Z");
  Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void aSessionLastsWhileUsedAndEndsAfterItsIdleTimeOrOnSignOut() {
    DeskSessions sessions = new DeskSessions(Duration.ofHours(1), clock);
    Session s = sessions.open("monitoring");

    now = now.plus(Duration.ofMinutes(50));
    assertThat(sessions.find(s.id())).map(Session::principal).hasValue("monitoring");
    now = now.plus(Duration.ofMinutes(50));
    assertThat(sessions.find(s.id())).as("renewed by the last use").isPresent();
    now = now.plus(Duration.ofMinutes(61));
    assertThat(sessions.find(s.id())).isEmpty();

    Session other = sessions.open("monitoring");
    sessions.close(other.id());
    assertThat(sessions.find(other.id())).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void sessionIdsAndCsrfTokensAreRandomAndTheCsrfTokenMustMatch() {
    DeskSessions sessions = new DeskSessions(Duration.ofHours(1), clock);
    Session a = sessions.open("monitoring");
    Session b = sessions.open("monitoring");

    assertThat(a.id()).isNotEqualTo(b.id()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(a.csrfToken()).isNotEqualTo(a.id()).isNotEqualTo(b.csrfToken());
    assertThat(DeskSessions.csrfMatches(a, a.csrfToken())).isTrue();
    assertThat(DeskSessions.csrfMatches(a, b.csrfToken())).isFalse();
    assertThat(DeskSessions.csrfMatches(a, null)).isFalse();
  }

  @Test
  void theCookieIsHttpOnlyStrictAndSecureOnlyOverTls() {
    assertThat(DeskSecurity.cookie("abc", 60, false)).contains("newsflow-desk=abc").contains("HttpOnly")
        .contains("SameSite=Strict").contains("Path=/desk").doesNotContain("Secure");
    assertThat(DeskSecurity.cookie("abc", 60, true)).endsWith("; Secure");
    assertThat(DeskSecurity.sessionId("theme=dark; newsflow-desk=abc")).isEqualTo("abc");
    assertThat(DeskSecurity.sessionId("theme=dark")).isNull();
    assertThat(DeskSecurity.CONTENT_SECURITY_POLICY).contains("default-src 'self'").contains("frame-ancestors 'none'")
        .doesNotContain("unsafe");
  }

  @Test
  void servesOnlyTheDeskFilesByName() {
    DeskAssets assets = new DeskAssets();
    assertThat(assets.find("")).map(DeskAssets.Asset::contentType).hasValue("text/html; charset=utf-8");
    assertThat(assets.find("desk.js")).map(DeskAssets.Asset::contentType).hasValue("text/javascript; charset=utf-8");
    assertThat(assets.find("..%2Fpom.xml")).isEmpty();
    assertThat(assets.find("missing.js")).isEmpty();
  }
}
