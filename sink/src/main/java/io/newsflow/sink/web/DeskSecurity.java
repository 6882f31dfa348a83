package io.newsflow.sink.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Headers every desk answer carries, and the session cookie's shape. */
public final class DeskSecurity {

  /** Scripts, styles and connections only from the sink itself; no inline code; never framed. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";
  public static final String COOKIE = "newsflow-desk";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private DeskSecurity() {}

  public static Map<String, String> headers(boolean cacheable) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", cacheable ? "no-cache" : "no-store");
    return h;
  }

  /** HttpOnly, SameSite=Strict, Secure when the page came over TLS, for {@code maxAgeSeconds} (0 deletes). */
  public static String cookie(String value, long maxAgeSeconds, boolean secure) {
    return COOKIE + "=" + value + "; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
        + (secure ? "; Secure" : "");
  }

  /** The session id from a {@code Cookie} header, or null. */
  public static String sessionId(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    for (String part : cookieHeader.split(";")) {
      String p = part.strip();
      if (p.startsWith(COOKIE + "=")) {
        return p.substring(COOKIE.length() + 1);
      }
    }
    return null;
  }
}
