package io.newsflow.nlp.entities.coref;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.kb.EntityType;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyFormsTest {

  @Test
  void aShortFormJoinsTheOneLegalNameItStarts() {
    // given
    String body = "USAir Group Inc said it would buy Piedmont. USAir said the offer was fair.";
    ArticleText article = new ArticleText("", body, "en", null);
    // when
    List<MentionCluster> clusters = joined(article, org(body, "USAir Group Inc", 0), org(body, "USAir", 44));
    // then
    assertThat(clusters).singleElement().satisfies(c -> assertThat(c.mentions()).extracting(Mention::text)
        .containsExactly("USAir Group Inc", "USAir"));
  }

  @Test
  void aShortFormThatStartsTwoLegalNamesJoinsNeither() {
    // given
    String body = "Piedmont Aviation Inc and Piedmont Natural Gas Co were named. Piedmont said nothing.";
    ArticleText article = new ArticleText("", body, "en", null);
    // when
    List<MentionCluster> clusters = joined(article, org(body, "Piedmont Aviation Inc", 0),
        org(body, "Piedmont Natural Gas Co", 0), org(body, "Piedmont", 60));
    // then
    assertThat(clusters).hasSize(3);
  }

  @Test
  void initialsAndWordStartsAreShortFormsOfTheLegalName() {
    assertThat(CompanyForms.isShortForm(List.of("twa"), List.of("trans", "world", "airlines"))).isTrue();
    assertThat(CompanyForms.isShortForm(List.of("con", "ed"), List.of("consolidated", "edison", "co", "of", "new",
        "york"))).isTrue();
    assertThat(CompanyForms.isShortForm(List.of("ford"), List.of("ford", "motor"))).isTrue();
    assertThat(CompanyForms.isShortForm(List.of("gm"), List.of("ford", "motor"))).isFalse();
    assertThat(CompanyForms.isShortForm(List.of("motor"), List.of("ford", "motor"))).isFalse();
  }

  @Test
  void aSymbolInTheHeadlineJoinsTheCompanyWhoseNameItsWordRunsTogether() {
    // given a wire headline giving the stock symbol after a short form of the name
    String headline = "CONED <ED> AGREES TO CUT RATES";
    String body = "Consolidated Edison Co of New York Inc has agreed to cut its rates.";
    ArticleText article = new ArticleText(headline, body, "en", null);
    Mention symbol = new Mention(TextField.HEADLINE, 7, 9, "ED", EntityType.ORGANIZATION, null);
    // when
    List<MentionCluster> clusters = joined(article, symbol, org(body, "Consolidated Edison Co of New York Inc", 0));
    // then
    assertThat(clusters).singleElement().satisfies(c -> assertThat(c.fullest().text())
        .isEqualTo("Consolidated Edison Co of New York Inc"));
  }

  @Test
  void aSymbolWrittenAfterANameIsThatCompanyWhereverItRecurs() {
    // given
    String headline = "USAIR <U> BIDS FOR PIEDMONT";
    String body = "USAir Group Inc <U> said it bid for Piedmont.";
    ArticleText article = new ArticleText(headline, body, "en", null);
    Mention headlineSymbol = new Mention(TextField.HEADLINE, 7, 8, "U", EntityType.ORGANIZATION, null);
    // when
    List<MentionCluster> clusters = joined(article, headlineSymbol, org(body, "USAir Group Inc", 0));
    // then
    assertThat(clusters).singleElement();
  }

  @Test
  void bracketsAreCutOffAndALoneDesignatorAfterALineBreakJoinsTheName() {
    // given the recogniser's spans on hard-wrapped wire copy
    String body = "USAir said Piedmont Aviation\nInc has agreed. Shares of <PIE> rose.";
    ArticleText article = new ArticleText("", body, "en", null);
    int piedmont = body.indexOf("Piedmont");
    int inc = body.indexOf("Inc");
    int pie = body.indexOf("PIE");
    List<Mention> mentions = List.of(
        new Mention(TextField.BODY, piedmont, piedmont + 17, "Piedmont Aviation", EntityType.ORGANIZATION, null),
        new Mention(TextField.BODY, inc, inc + 3, "Inc", EntityType.ORGANIZATION, null),
        new Mention(TextField.BODY, pie, pie + 4, "PIE>", EntityType.ORGANIZATION, null));
    // when
    List<Mention> trimmed = CompanyForms.trimmed(mentions, article);
    // then
    assertThat(trimmed).extracting(Mention::text).containsExactly("Piedmont Aviation Inc", "PIE");
    assertThat(trimmed.get(0).end()).isEqualTo(inc + 3);
    assertThat(trimmed.get(1).end()).isEqualTo(pie + 3);
  }

  @Test
  void theCanonicalCompanyNameDropsTheDesignator() {
    assertThat(CompanyForms.withoutDesignators("texaco inc")).isEqualTo("texaco");
    assertThat(CompanyForms.withoutDesignators("reuters holdings plc")).isEqualTo("reuters holdings");
    assertThat(CompanyForms.withoutDesignators("inc")).isEqualTo("inc");
  }

  private static Mention org(String text, String name, int from) {
    int start = text.indexOf(name, from);
    return new Mention(TextField.BODY, start, start + name.length(), name, EntityType.ORGANIZATION, null);
  }

  private static List<MentionCluster> joined(ArticleText article, Mention... mentions) {
    List<MentionCluster> clusters = new ArrayList<>();
    for (Mention m : mentions) {
      clusters.add(new MentionCluster(m));
    }
    return CompanyForms.joined(clusters, article);
  }
}
