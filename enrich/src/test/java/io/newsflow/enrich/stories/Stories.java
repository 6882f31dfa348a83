package io.newsflow.enrich.stories;

import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Raw articles for the topology tests, with texts written for them. */
final class Stories {

  static final String FLOOD_HEADLINE = "Floods force thousands from homes in northern Italy";
  static final String FLOOD_BODY = """
      Rescue teams in the Emilia-Romagna region evacuated more than 5,000 people on Tuesday after two days of \
      torrential rain sent rivers over their banks and cut off dozens of villages in the hills south of Bologna.

      The regional civil protection agency said at least 23 rivers had flooded and more than 200 landslides had \
      been reported. Schools were closed in 40 towns and the main railway line between Bologna and Rimini was \
      suspended while engineers inspected damaged bridges.

      "We have never seen this much water fall in so short a time," the region's president told reporters in \
      Bologna, adding that the government would be asked to declare a state of emergency.""";

  /** The same story as syndicated by another outlet: new headline, a trimmed sentence, a few words changed. */
  static final String FLOOD_COPY_HEADLINE = "Thousands evacuated as floods hit Italy's Emilia-Romagna";
  static final String FLOOD_COPY_BODY = """
      Rescue teams in Italy's Emilia-Romagna region evacuated more than 5,000 people on Tuesday after two days of \
      torrential rain sent rivers over their banks and cut off dozens of villages in the hills south of Bologna.

      The regional civil protection agency said at least 23 rivers had flooded and more than 200 landslides had \
      been reported. Schools were closed in 40 towns.

      "We have never seen this much water fall in so short a time," the region's president told reporters, \
      adding that Rome would be asked to declare a state of emergency.""";

  static final String BUDGET_HEADLINE = "Parliament approves budget after late-night vote";
  static final String BUDGET_BODY = """
      Lawmakers approved next year's budget shortly after midnight on Thursday, ending weeks of negotiations \
      between the governing coalition and opposition parties over spending on defence and pensions.

      The finance minister said the plan would cut the deficit to 2.8 percent of economic output while raising \
      pensions in line with inflation. Opposition leaders called the figures unrealistic and said they would \
      challenge parts of the law in the constitutional court.""";

  private Stories() {}

  static RawArticle story(String id, long version, String source, String headline, String body) {
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(version)
        .setSource(source)
        .setFormat(SourceFormat.JSON)
        .setHeadline(headline)
        .setBody(body)
        .setLanguage("en")
        .setReceived(Instant.parse("2026-05-16T08:00:00Z"))
        .setContentType("application/json")
        .setOriginalDigest(sha256(id + version + headline + body))
        .setTextDigest(sha256(headline + "\n\n" + body))
        .build();
  }

  static RawArticle flood(String id, long version) {
    return story(id, version, "agency", FLOOD_HEADLINE, FLOOD_BODY);
  }

  static RawArticle kill(String id, long version) {
    return RawArticle.newBuilder(flood(id, version)).setPubStatus(PubStatus.CANCELED)
        .setHeadline("KILL: " + FLOOD_HEADLINE).setBody("This story has been withdrawn. Please do not use it.")
        .setTextDigest(sha256("kill " + id + version)).build();
  }

  static RawArticle embargoed(RawArticle article, Instant until) {
    return RawArticle.newBuilder(article).setEmbargoedUntil(until).build();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
