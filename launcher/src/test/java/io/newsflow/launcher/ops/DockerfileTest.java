package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Setting;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the image promises operators, read from the Dockerfile (a linter checks its syntax in CI). */
class DockerfileTest {

  private final String dockerfile = RepoFiles.read("Dockerfile").replace("\\\n", " ");

  @Test
  void buildsWithMavenAndRunsOnAPinnedJre17() {
    // when
    List<String> bases = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();

    // then
    assertThat(bases).hasSize(2);
    assertThat(bases.get(0)).matches("maven:3\\.9\\.\\d+-eclipse-temurin-17");
    assertThat(bases.get(1)).matches("eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre");
  }

  @Test
  void runsAsAnUnprivilegedUser() {
    // when
    Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(runtimeStage());

    // then
    assertThat(user.find()).as("USER in the runtime stage").isTrue();
    assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
  }

  @Test
  void checksHealthWithTheLauncherNotWithCurl() {
    // when
    Matcher health = Pattern.compile("(?m)^HEALTHCHECK .*CMD (.+)$").matcher(runtimeStage());

    // then
    assertThat(health.find()).isTrue();
    assertThat(health.group(1)).contains("\"newsflow\", \"health\"").doesNotContain("curl");
  }

  @Test
  void logsJsonAndSetsOnlyVariablesTheServicesRead() {
    // given
    Set<String> known = LauncherSettings.all().stream().map(Setting::name).collect(Collectors.toSet());

    // when
    var env = RepoFiles.dockerfileEnv();

    // then
    assertThat(env).containsEntry("NEWSFLOW_LOG_FORMAT", "json");
    assertThat(env.keySet().stream().filter(n -> n.startsWith("NEWSFLOW_")))
        .as("NEWSFLOW_ variables the image sets").allSatisfy(n -> assertThat(known).contains(n));
  }

  @Test
  void buildsOnlyTheLauncherAndItsModulesAndRefusesAModelsJar() {
    // then
    assertThat(dockerfile).contains("-pl launcher -am").contains("-DskipTests")
        .as("-Dmaven.test.skip leaves out platform's test-jar, which the services' test scope needs in the reactor")
        .doesNotContain("-Dmaven.test.skip");
    assertThat(dockerfile).containsPattern("grep -- '-models'.*exit 1");
  }

  @Test
  void keepsBuildOutputAndSecretsOutOfTheBuildContext() {
    // when
    List<String> ignore = RepoFiles.read(".dockerignore").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

    // then: a deny list the legacy builder (Compose v1) applies too: it re-includes nothing under a wildcard
    assertThat(ignore).contains(".git", "**/target", "**/src/test", "api-tokens", "**/.env");
    assertThat(ignore).noneMatch(l -> l.startsWith("!") && l.contains("*"));
  }

  private String runtimeStage() {
    String[] stages = dockerfile.split("(?m)^FROM ");
    return stages[stages.length - 1];
  }
}
