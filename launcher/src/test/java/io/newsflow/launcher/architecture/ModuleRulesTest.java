package io.newsflow.launcher.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as the build enforces it: the services meet only through topics, the NLP and the knowledge
 * base are plain libraries without Kafka, and benchmarks and build tools live in modules that no service ships.
 */
class ModuleRulesTest {

  private static final String INGEST = "io.newsflow.ingest..";
  private static final String ENRICH = "io.newsflow.enrich..";
  private static final String SINK = "io.newsflow.sink..";
  private static final String NLP = "io.newsflow.nlp..";
  private static final String KB = "io.newsflow.kb..";

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    // the other modules are directories in a reactor build and jars otherwise: read io.newsflow from both
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.newsflow");
  }

  @Test
  void importsEveryModuleItJudges() {
    // a rule over no classes passes whatever the code does; make sure each module was read
    for (String module : new String[] {"ingest", "enrich", "sink", "nlp", "kb", "platform", "schemas"}) {
      assertThat(production.stream()
              .filter(c -> c.getPackageName().startsWith("io.newsflow." + module)).count())
          .as("classes of %s", module).isPositive();
    }
  }

  @Test
  void ingestUsesNoOtherService() {
    check(noClasses().that().resideInAPackage(INGEST)
        .should().dependOnClassesThat().resideInAnyPackage(ENRICH, SINK, NLP));
  }

  @Test
  void enrichUsesNoOtherService() {
    check(noClasses().that().resideInAPackage(ENRICH)
        .should().dependOnClassesThat().resideInAnyPackage(INGEST, SINK));
  }

  @Test
  void sinkUsesNoOtherServiceAndOnlyTheKnowledgeBaseOfTheNlp() {
    // subscriptions resolve names through the knowledge base API; the sink never runs the recognisers
    check(noClasses().that().resideInAPackage(SINK)
        .should().dependOnClassesThat().resideInAnyPackage(INGEST, ENRICH, NLP));
  }

  @Test
  void theNlpLibraryKnowsNoKafkaAndNoService() {
    check(noClasses().that().resideInAPackage(NLP)
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
            "io.newsflow.schemas..", "io.newsflow.platform..", INGEST, ENRICH, SINK));
  }

  @Test
  void theKnowledgeBaseKnowsNoKafkaAndNoRecogniser() {
    check(noClasses().that().resideInAPackage(KB)
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
            "io.newsflow.schemas..", "io.newsflow.platform..", NLP, INGEST, ENRICH, SINK));
  }

  @Test
  void noServiceOrLibraryShipsAMainOfItsOwn() {
    // benchmarks and build tools belong in bench and tools; services start through the launcher
    check(noMethods().that().haveName("main").and().areStatic()
        .should().beDeclaredInClassesThat().resideInAnyPackage(INGEST, ENRICH, SINK, NLP, KB,
            "io.newsflow.platform..", "io.newsflow.schemas.."));
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }
}
