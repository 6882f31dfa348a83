package io.newsflow.tools.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.entities.recognition.NerModel;
import io.newsflow.nlp.entities.recognition.PerceptronRecognizer;
import io.newsflow.nlp.model.TextField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerTrainerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TRAIN_PERSONS = {"Anna Kowalski", "Pieter de Wit", "Maria Ferreira", "Tomas Brandt",
      "Helen Okafor", "Luis Moreno", "Ingrid Solberg", "Rajiv Menon"};
  private static final String[] DEV_PERSONS = {"Claire Dubois", "Kenji Sato", "Olga Petrenko"};
  private static final String[] TRAIN_PLACES = {"Lisbon", "Gdansk", "Rotterdam", "Lyon", "Bergen", "Porto"};
  private static final String[] DEV_PLACES = {"Tampere", "Brno", "Malmo"};

  @TempDir
  Path dir;

  @Test
  void learnsNamesFromTheirContextAndWritesTheMeanOfItsMembers() throws IOException {
    // given stories whose names in development never occur in training
    Path train = stories(dir.resolve("train.jsonl"), TRAIN_PERSONS, TRAIN_PLACES, 60);
    Path dev = stories(dir.resolve("dev.jsonl"), DEV_PERSONS, DEV_PLACES, 12);
    Path clusters = dir.resolve("clusters.tsv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(clusters))) {
      out.write("said\t0101\ntold\t0100\nin\t1100\n".getBytes(StandardCharsets.UTF_8));
    }
    Path model = dir.resolve("ner.bin.gz");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // when
    new NerTrainer(16, 4, 11, 1, 2).run(train, dev, clusters, model, new PrintStream(log, true, StandardCharsets.UTF_8));
    // then
    String printed = log.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("train: train.jsonl: 60 stories + 1 garbled copies", "dev:   dev.jsonl: 12 stories");
    assertThat(printed).contains("seed 11 epoch 4:", "seed 12 epoch 4:");
    Matcher mean = Pattern.compile("mean of 2 perceptrons' weights: dev P \\S+ R \\S+ F1 (\\S+)").matcher(printed);
    assertThat(mean.find()).isTrue();
    assertThat(Double.parseDouble(mean.group(1))).isGreaterThan(0.9);
    NerModel read;
    try (InputStream in = Files.newInputStream(model)) {
      read = NerModel.read(in);
    }
    assertThat(read.provenance()).contains("mean of 2 members", "seed 11 epoch", "seed 12 epoch");
    List<Mention> found = new PerceptronRecognizer(read)
        .recognise(TextField.BODY, "Sven Lindqvist said on Monday the plant in Tampere would close .");
    assertThat(found).extracting(Mention::text, Mention::type)
        .contains(org.assertj.core.groups.Tuple.tuple("Sven Lindqvist", EntityType.PERSON),
            org.assertj.core.groups.Tuple.tuple("Tampere", EntityType.LOCATION));
  }

  /** Stories of two sentences, "P said on Monday the plant in L would close ." and "L workers told P ...". */
  private static Path stories(Path file, String[] persons, String[] places, int count) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String person = persons[i % persons.length];
      String place = places[(i / persons.length + i) % places.length];
      StringBuilder text = new StringBuilder();
      ArrayNode entities = JSON.createArrayNode();
      append(text, entities, person, "PER");
      text.append(" said on Monday the plant in ");
      append(text, entities, place, "LOC");
      text.append(" would close .\nWorkers in ");
      append(text, entities, place, "LOC");
      text.append(i % 2 == 0 ? " told " : " met ");
      append(text, entities, person, "PER");
      text.append(" they would strike .");
      ObjectNode story = JSON.createObjectNode().put("id", "s" + i).put("text", text.toString());
      story.set("entities", entities);
      lines.add(JSON.writeValueAsString(story));
    }
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder text, ArrayNode entities, String name, String type) {
    entities.addObject().put("start", text.length()).put("end", text.length() + name.length()).put("type", type);
    text.append(name);
  }
}
