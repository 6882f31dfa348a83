package io.newsflow.sink.alerts.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.kb.KnowledgeBase;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Candidate;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnowledgeBaseResolverTest {

  /** A few rows in the compiled knowledge-base format (E: identities, R: offices). */
  static final String KB = String.join("\n",
      "E\tQ36\tLOCATION\tcountry\tPoland\tQ36\t1.0\tPolska|Republic of Poland",
      "E\tQ230\tLOCATION\tcountry\tGeorgia\tQ230\t1.0\tSakartvelo",
      "E\tQ1428\tLOCATION\tadmin1\tGeorgia\tQ30\t0.918\t",
      "E\tQ5547323\tORGANIZATION\torg\tGeorgia\t\t0.3\t",
      "E\tQ90\tLOCATION\tadmin1\tParis\tQ142\t0.983\tCity of Light",
      "E\tgeonames:4717560\tLOCATION\tcity\tParis\tQ30\t0.47\t",
      "E\tQ1439645\tORGANIZATION\torg\tMacron\t\t0.354\t",
      "E\tQ3052772\tPERSON\tperson\tEmmanuel Macron\tQ142\t0.8\t",
      "R\tQ3052772\tpresident of france\thead_of_state\tQ142\t2017-05-14\t",
      "");

  static KnowledgeBaseResolver resolver;

  @BeforeAll
  static void load() throws Exception {
    resolver = new KnowledgeBaseResolver(KnowledgeBase.load(
        new ByteArrayInputStream(KB.getBytes(StandardCharsets.UTF_8)), null));
  }

  @Test
  void resolvesANameOrAliasOfOneIdentityToItsIdAndCanonicalName() {
    // when
    EntityCriterion poland = resolver.resolve(EntityCriterion.given("Poland"), Set.of());
    EntityCriterion polska = resolver.resolve(EntityCriterion.given("polska"), Set.of());

    // then
    assertThat(poland.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(poland.id()).isEqualTo("Q36");
    assertThat(polska.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(polska.id()).isEqualTo("Q36");
    assertThat(polska.name()).isEqualTo("Poland");
    assertThat(polska.given()).isEqualTo("polska");
    assertThat(polska.type()).isEqualTo(EntityType.LOCATION);
    assertThat(polska.matchesById()).isTrue();
  }

  @Test
  void takesTheLikeliestIdentityWhenItClearlyLeads() {
    // when: the French capital's prior is far above the town in the US
    EntityCriterion paris = resolver.resolve(EntityCriterion.given("Paris"), Set.of());

    // then
    assertThat(paris.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(paris.id()).isEqualTo("Q90");
  }

  @Test
  void leavesANameOfTwoLikelyIdentitiesAmbiguousAndMatchedByName() {
    // when
    EntityCriterion georgia = resolver.resolve(EntityCriterion.given("Georgia"), Set.of());

    // then
    assertThat(georgia.resolution()).isEqualTo(Resolution.AMBIGUOUS);
    assertThat(georgia.matchesById()).isFalse();
    assertThat(georgia.id()).isNull();
    assertThat(georgia.candidates()).extracting(Candidate::id).containsExactly("Q230", "Q1428", "Q5547323");
    assertThat(georgia.note()).contains("ambiguous").contains("Q230").contains("matched by name");
  }

  @Test
  void narrowsTheIdentitiesToTheEntityTypesAsked() {
    // when
    EntityCriterion organisation = resolver.resolve(EntityCriterion.given("Georgia"), Set.of(EntityType.ORGANIZATION));

    // then
    assertThat(organisation.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(organisation.id()).isEqualTo("Q5547323");
  }

  @Test
  void readsOneWordAsALeadersFamilyNameAsTheLinkerDoes() {
    // when: the brand is called Macron, the president's family name is Macron
    EntityCriterion macron = resolver.resolve(EntityCriterion.given("Macron"), Set.of());

    // then
    assertThat(macron.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(macron.id()).isEqualTo("Q3052772");
  }

  @Test
  void saysSoWhenTheNameIsUnknown() {
    // when
    EntityCriterion unknown = resolver.resolve(EntityCriterion.given("Frobnicate Holdings"), Set.of());

    // then
    assertThat(unknown.resolution()).isEqualTo(Resolution.UNKNOWN);
    assertThat(unknown.matchesById()).isFalse();
    assertThat(unknown.note()).contains("not in the entity dictionary");
  }

  @Test
  void keepsAnIdAndAddsItsCanonicalName() {
    // when
    EntityCriterion known = resolver.resolve(EntityCriterion.given("Q36"), Set.of());
    EntityCriterion local = resolver.resolve(EntityCriterion.given("local:org:acme"), Set.of());

    // then
    assertThat(known.resolution()).isEqualTo(Resolution.ID);
    assertThat(known.id()).isEqualTo("Q36");
    assertThat(known.name()).isEqualTo("Poland");
    assertThat(local.resolution()).isEqualTo(Resolution.ID);
    assertThat(local.id()).isEqualTo("local:org:acme");
    assertThat(local.name()).isNull();
  }
}
