package io.newsflow.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.intake.TestIntake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {

  @Test
  void everyFileUnderTheDirectoryIsIngestedAndSummedUpWithProgress(@TempDir Path dir) throws Exception {
    // given
    TestIntake test = new TestIntake();
    Files.createDirectories(dir.resolve("2024/06"));
    Files.writeString(dir.resolve("a.json"), "{\"id\":\"a\",\"headline\":\"A\",\"body\":\"a\"}");
    Files.writeString(dir.resolve("2024/06/a-again.json"), "{\"id\":\"a\",\"headline\":\"A\",\"body\":\"a\"}");
    Files.writeString(dir.resolve("2024/06/b.ndjson"),
        "{\"id\":\"b\",\"headline\":\"B\",\"body\":\"b\"}\n{\"id\":\"c\",\"headline\":\"C\"}\n");
    Files.writeString(dir.resolve("2024/notes.doc"), "not wire copy");
    Files.writeString(dir.resolve("2024/half.json.part"), "{");
    List<String> progress = new ArrayList<>();

    // when
    Backfill.Summary summary = new Backfill(test.intake, "archive")
        .run(dir, (done, total, file, soFar) -> progress.add(done + "/" + total + " " + dir.relativize(file)));

    // then
    assertThat(summary.files()).isEqualTo(4);
    // a-again is published too: ingest keeps no memory, and enrich records the second copy as a duplicate
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.duplicate()).isZero();
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary.rejections()).extracting(Backfill.Rejection::field).containsExactlyInAnyOrder("line 2.body", "$");
    assertThat(summary.rejections()).extracting(Backfill.Rejection::status).containsExactlyInAnyOrder(400, 415);
    assertThat(progress).containsExactly("1/4 2024/06/a-again.json", "2/4 2024/06/b.ndjson", "3/4 2024/notes.doc",
        "4/4 a.json");
    assertThat(test.published()).allSatisfy(a -> assertThat(a.getSource()).isEqualTo("archive"));
  }
}
