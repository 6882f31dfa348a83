package io.newsflow.launcher.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Documents built to hurt a parser: entity expansion, external entities, deep nesting, huge fields, bad UTF-8. */
final class HostileDocuments {

  /** What an XXE that worked would put into the article; never expected in any output. */
  static final String LEAK_MARKER = "root:x:0:0";

  private HostileDocuments() {}

  static byte[] billionLaughs(Random random) {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
    int levels = 5 + random.nextInt(6);
    for (int i = 1; i <= levels; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10));
      dtd.append("\">\n");
    }
    dtd.append("]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>&lol").append(levels)
        .append(";</title><description>&lol").append(levels).append(";</description></item></channel></rss>");
    return bytes(dtd);
  }

  static byte[] externalEntity(Random random) {
    String target = random.nextBoolean() ? "file:///etc/passwd" : "http://127.0.0.1:9/evil";
    String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE item [<!ENTITY xxe SYSTEM \"" + target + "\">]>\n"
        + "<rss version=\"2.0\"><channel><title>Feed</title><item><guid>xxe-" + random.nextInt(1000) + "</guid>"
        + "<title>Headline &xxe;</title><description>Body text &xxe; of the story.</description></item></channel></rss>";
    return doc.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] externalDtd(Random random) {
    String doc = random.nextBoolean()
        ? "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
            + "<newsItem guid=\"urn:x\" version=\"1\"><contentSet><inlineXML><p>Body</p></inlineXML></contentSet></newsItem>"
        : "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext;]>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</id><title>T</title><content>B</content></entry></feed>";
    return doc.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] deepJson(Random random) {
    int depth = 100 + random.nextInt(random.nextBoolean() ? 1_000 : 100_000);
    StringBuilder s = new StringBuilder("{\"headline\":\"Deep\",\"body\":\"Nested body\",\"extra\":");
    boolean arrays = random.nextBoolean();
    s.append((arrays ? "[" : "{\"a\":").repeat(depth)).append("1").append((arrays ? "]" : "}").repeat(depth)).append('}');
    return bytes(s);
  }

  static byte[] deepXml(Random random) {
    int depth = 100 + random.nextInt(random.nextBoolean() ? 1_000 : 50_000);
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Deep</title><description>");
    s.append("<b>".repeat(depth)).append("text").append("</b>".repeat(depth));
    s.append("</description></item></channel></rss>");
    return bytes(s);
  }

  /** A valid-looking article with one field of up to about 1.5 MB: huge but under the ingest limit. */
  static byte[] hugeField(Random random, String mediaType) {
    int size = 10_000 + random.nextInt(1_500_000);
    StringBuilder field = new StringBuilder(size + 16);
    String[] words = {"minister", "said", "the", "parliament", "vote", "on", "Tuesday", "and", "government", "plans"};
    while (field.length() < size) {
      field.append(random.nextInt(20) == 0 ? randomWord(random) : words[random.nextInt(words.length)]).append(' ');
    }
    boolean hugeHeadline = random.nextInt(4) == 0;
    String headline = hugeHeadline ? field.toString() : "Huge story";
    String body = hugeHeadline ? "Body." : field.toString();
    if (mediaType.contains("json")) {
      return io.newsflow.platform.json.Json.write(java.util.Map.of("headline", headline, "body", body))
          .getBytes(StandardCharsets.UTF_8);
    }
    if (mediaType.contains("xml") || mediaType.contains("html")) {
      return bytes(new StringBuilder("<rss version=\"2.0\"><channel><item><title>").append(headline)
          .append("</title><description>").append(body).append("</description></item></channel></rss>"));
    }
    return bytes(new StringBuilder(headline).append('\n').append(body));
  }

  /** Bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates, truncated sequences. */
  static byte[] invalidUtf8(Random random, byte[] base) {
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    byte[] insert = bad[random.nextInt(bad.length)];
    int at = base.length == 0 ? 0 : random.nextInt(base.length + 1);
    byte[] out = new byte[base.length + insert.length];
    System.arraycopy(base, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(base, at, out, at + insert.length, base.length - at);
    return out;
  }

  static String randomWord(Random random) {
    int length = 1 + random.nextInt(12);
    StringBuilder w = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        w.append((char) ('a' + random.nextInt(26)));
      } else if (kind < 8) {
        // any code point, including RTL, combining marks, emoji and controls
        int cp = random.nextInt(0x10FFFF);
        if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          w.appendCodePoint(cp);
        }
      } else {
        String syntax = "\"\\<>&'{}[]:,\u0000\u00e9\u200f\ufeff";
        w.append(syntax.charAt(random.nextInt(syntax.length())));
      }
    }
    return w.toString();
  }

  private static byte[] bytes(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
