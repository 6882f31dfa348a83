package io.newsflow.platform.http;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer-token (or {@code X-API-Key}) authentication. Each token names a principal (the newsroom or source
 * it was issued to); ingest records that principal as the article's source, never a source from the body.
 * Tokens are compared in constant time and never logged.
 */
public final class TokenAuthenticator {

  private final Map<String, byte[]> tokensByPrincipal;

  private TokenAuthenticator(Map<String, byte[]> tokensByPrincipal) {
    this.tokensByPrincipal = tokensByPrincipal;
  }

  /**
   * Parses {@code principal:token,principal:token}. Empty text means no tokens are configured: every write
   * is refused until some are.
   */
  public static TokenAuthenticator parse(String spec) {
    Map<String, byte[]> tokens = new LinkedHashMap<>();
    if (spec != null) {
      for (String entry : spec.split("[,\\n]")) {
        String trimmed = entry.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
          throw new IllegalArgumentException("API tokens are written principal:token, separated by commas");
        }
        tokens.put(trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8));
      }
    }
    return new TokenAuthenticator(tokens);
  }

  public boolean hasTokens() {
    return !tokensByPrincipal.isEmpty();
  }

  /** The principal the presented credential belongs to. */
  public Optional<String> authenticate(Request request) {
    Optional<String> presented = request.header("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim())
        .or(() -> request.header("X-API-Key").map(String::trim));
    return presented.flatMap(this::principalOf);
  }

  /** The principal a token was issued to (the desk's sign-in form sends the token in a body). */
  public Optional<String> principalOf(String token) {
    byte[] candidate = token.getBytes(StandardCharsets.UTF_8);
    String match = null;
    for (Map.Entry<String, byte[]> e : tokensByPrincipal.entrySet()) {
      if (MessageDigest.isEqual(e.getValue(), candidate)) {
        match = e.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  /** One token for a principal, for clients such as {@code bin/newsflow post} that share the configuration. */
  public Optional<String> tokenOf(String principal) {
    return Optional.ofNullable(tokensByPrincipal.get(principal)).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  public Optional<String> anyToken() {
    return tokensByPrincipal.values().stream().findFirst().map(b -> new String(b, StandardCharsets.UTF_8));
  }
}
