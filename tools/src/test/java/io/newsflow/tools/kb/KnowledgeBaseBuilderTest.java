package io.newsflow.tools.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseBuilderTest {

  @Test
  void aTeamIsWhatItsDescriptionCallsASportsTeamOrClub() {
    // when / then
    assertThat(KnowledgeBaseBuilder.teamKind("Leeds United A.F.C.", "English association football club", List.of()))
        .isEqualTo("team:soccer");
    assertThat(KnowledgeBaseBuilder.teamKind("Colorado Rockies",
        "baseball team and Major League Baseball franchise in Denver, Colorado", List.of()))
        .isEqualTo("team:baseball");
    assertThat(KnowledgeBaseBuilder.teamKind("Karlsruher SC", "German sport club", List.of())).isEqualTo("team:sport");
    assertThat(KnowledgeBaseBuilder.teamKind("Fight Club", "1999 film directed by David Fincher", List.of()))
        .isNull();
  }
}
