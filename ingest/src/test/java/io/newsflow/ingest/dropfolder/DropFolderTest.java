package io.newsflow.ingest.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.intake.TestIntake;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {

  private final TestIntake test = new TestIntake();

  @Test
  void fileIsIngestedOnlyOnceItsSizeHeldStillOverTwoScansThenMovedToDone(@TempDir Path dir) throws Exception {
    // given
    DropFolder folder = new DropFolder(dir, "dropfolder", test.intake);
    Path file = Files.writeString(dir.resolve("story.json"), "{\"id\":\"d1\",\"headline\":\"H\",\"body\":\"B\"}");

    // when
    List<DropFolder.FileResult> firstScan = folder.scan();
    List<DropFolder.FileResult> secondScan = folder.scan();

    // then
    assertThat(firstScan).isEmpty();
    assertThat(secondScan).extracting(DropFolder.FileResult::kind).containsExactly(DropFolder.FileResult.Kind.DONE);
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("done/story.json")).exists();
    assertThat(test.published()).extracting(RawArticle::getId).containsExactly("d1");
    assertThat(test.published()).extracting(RawArticle::getSource).containsExactly("dropfolder");
  }

  @Test
  void fileStillGrowingIsNotRead(@TempDir Path dir) throws Exception {
    // given
    DropFolder folder = new DropFolder(dir, "dropfolder", test.intake);
    Path file = dir.resolve("growing.txt");
    Files.writeString(file, "Headline\n");
    folder.scan();

    // when
    Files.writeString(file, "\nBody arriving", java.nio.file.StandardOpenOption.APPEND);
    List<DropFolder.FileResult> whileGrowing = folder.scan();
    List<DropFolder.FileResult> onceStill = folder.scan();

    // then
    assertThat(whileGrowing).isEmpty();
    assertThat(onceStill).hasSize(1);
    assertThat(test.published()).extracting(RawArticle::getBody).containsExactly("Body arriving");
  }

  @Test
  void partialAndHiddenFilesAreNeverRead(@TempDir Path dir) throws Exception {
    // given
    DropFolder folder = new DropFolder(dir, "dropfolder", test.intake);
    for (String name : List.of("a.json.part", "b.tmp", ".c.json")) {
      Files.writeString(dir.resolve(name), "{\"headline\":\"H\",\"body\":\"B\"}");
    }

    // when
    folder.scan();
    List<DropFolder.FileResult> results = folder.scan();

    // then
    assertThat(results).isEmpty();
    assertThat(test.published()).isEmpty();
    assertThat(dir.resolve("a.json.part")).exists();
  }

  @Test
  void badFileGoesToFailedWithAnErrorFileSayingWhy(@TempDir Path dir) throws Exception {
    // given
    DropFolder folder = new DropFolder(dir, "dropfolder", test.intake);
    Files.writeString(dir.resolve("hostile.xml"), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss>&e;</rss>");
    Files.writeString(dir.resolve("nobody.json"), "{\"headline\":\"H\"}");
    Files.writeString(dir.resolve("image.png"), "PNG");

    // when
    folder.scan();
    List<DropFolder.FileResult> results = folder.scan();

    // then
    assertThat(results).extracting(DropFolder.FileResult::kind).containsOnly(DropFolder.FileResult.Kind.FAILED);
    assertThat(Files.readString(dir.resolve("failed/hostile.xml.error"))).contains("400").contains("DOCTYPE");
    assertThat(Files.readString(dir.resolve("failed/nobody.json.error"))).contains("field body");
    assertThat(Files.readString(dir.resolve("failed/image.png.error"))).contains("Unknown file type");
    assertThat(test.published()).isEmpty();
  }

  @Test
  void fileIsLeftForTheNextScanWhenKafkaDoesNotAcknowledge(@TempDir Path dir) throws Exception {
    // given
    DropFolder folder = new DropFolder(dir, "dropfolder", test.intake);
    Path file = Files.writeString(dir.resolve("story.txt"), "Headline\n\nBody");
    folder.scan();
    test.producer.sendException = new org.apache.kafka.common.errors.TimeoutException("down");

    // when
    List<DropFolder.FileResult> failing = folder.scan();
    test.producer.sendException = null;
    List<DropFolder.FileResult> recovered = folder.scan();

    // then
    assertThat(failing).extracting(DropFolder.FileResult::kind).containsExactly(DropFolder.FileResult.Kind.RETRY_LATER);
    assertThat(recovered).extracting(DropFolder.FileResult::kind).containsExactly(DropFolder.FileResult.Kind.DONE);
    assertThat(file).doesNotExist();
  }
}
