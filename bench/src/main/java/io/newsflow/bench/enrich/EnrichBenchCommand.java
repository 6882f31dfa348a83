package io.newsflow.bench.enrich;

import io.newsflow.bench.Bench;
import io.newsflow.bench.Results;
import io.newsflow.bench.corpus.BenchArticle;
import io.newsflow.bench.corpus.Corpus;
import io.newsflow.bench.measure.HeapWatch;
import io.newsflow.bench.measure.Machine;
import io.newsflow.bench.measure.MemoryFigures;
import io.newsflow.bench.measure.ProcessMemory;
import io.newsflow.bench.measure.SystemCpu;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.Enrichment;
import io.newsflow.enrich.dedup.MinHashFingerprinter;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.WireFormats;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bin/newsflow bench enrich}: enrichment alone, step by step, beside the stock CoreNLP pipeline. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Enrichment alone (no Kafka): articles per CPU-second per step and in total, beside stock CoreNLP.")
public final class EnrichBenchCommand implements Callable<Integer> {

  /** The entity issue's targets: articles per process CPU-second on ~1,000-token copy, and the ratio to CoreNLP. */
  static final double TARGET_ARTICLES_PER_CPU_SECOND = 150.0;
  static final double TARGET_RATIO = 10.0;

  @Option(names = "--articles", defaultValue = "200", description = "Generated articles measured (default ${DEFAULT-VALUE})")
  int articles;

  @Option(names = "--warmup", defaultValue = "100", description = "Calls per step before measuring (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", description = "Write the result as JSON to this file")
  Path out;

  @Option(names = "--skip-corenlp", description = "Measure newsflow only (no ratio)")
  boolean skipCorenlp;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Sample files added to the corpus (.json, .txt, ...)")
  List<Path> files = new ArrayList<>();

  @Spec
  CommandSpec spec;

  /** An article ready for each step: its document, its raw record, and the text the taggers read. */
  private record Prepared(BenchArticle document, RawArticle raw, ArticleText text, String fullText) {}

  @Override
  public Integer call() throws Exception {
    Instant startedAt = Instant.now();
    Machine machine = Machine.describe();
    List<BenchArticle> corpus = Corpus.of(seed, articles, files);
    List<String> notes = new ArrayList<>();
    HeapWatch heap = new HeapWatch();
    SystemCpu machineLoad = SystemCpu.start();

    boolean rssReset = ProcessMemory.resetPeak();
    long loadStart = System.nanoTime();
    Enricher enricher = Enrichment.standard();
    double newsflowLoadSeconds = (System.nanoTime() - loadStart) / 1e9;
    EnricherParts parts = EnricherParts.of(enricher);
    List<Prepared> prepared = prepare(corpus, parts, notes);
    long newsflowRetained = HeapWatch.retainedAfterFullGc();
    heap.reset();

    StepMeter meter = new StepMeter(warmup);
    List<StepResult> steps = new ArrayList<>();
    steps.add(meter.measure("parse", prepared,
        p -> WireFormats.parse(p.document().bytes(), p.document().mediaType()).size(),
        "io.newsflow.ingest.formats.WireFormats.parse"));
    steps.add(parts.languages() == null ? StepResult.skipped("language", "no LanguageIdentifier on Enricher")
        : meter.measure("language", prepared,
            p -> parts.languages().identify(null, p.raw().getHeadline(), p.raw().getBody()).language().length(),
            "LanguageIdentifier.identify with no declared language (detection always runs)"));
    MinHashFingerprinter fingerprinter = new MinHashFingerprinter();
    steps.add(meter.measure("duplicates", prepared,
        p -> fingerprinter.fingerprint(p.raw().getHeadline(), p.raw().getBody()).bands().size(),
        "MinHashFingerprinter.fingerprint: the near-duplicate step's text work (its state-store lookups are "
            + "measured by bench pipeline)"));
    List<List<Entity>> entitiesOf = new ArrayList<>();
    for (Prepared p : prepared) {
      entitiesOf.add(parts.entities() == null ? List.of() : parts.entities().tag(p.text()));
    }
    steps.add(parts.entities() == null ? StepResult.skipped("entities", "no EntityTagger on Enricher")
        : meter.measure("entities", prepared, p -> parts.entities().tag(p.text()).size(),
            EnricherParts.describe(parts.entities())));
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      indexes.add(i);
    }
    steps.add(parts.stances() == null ? StepResult.skipped("stances-quotes", "no StanceTagger on Enricher")
        : meter.measure("stances-quotes", indexes,
            i -> parts.stances().tag(prepared.get(i).text(), entitiesOf.get(i)).quotes().size(),
            EnricherParts.describe(parts.stances()) + "; given the entities the EntityTagger found"));
    List<EnrichedArticle> outputs = new ArrayList<>();
    StepResult enrichment = meter.measure("enrichment", prepared, p -> {
      EnrichedArticle e = enricher.enrich(p.raw());
      outputs.add(e);
      return e.getEntities().size();
    }, "Enrichment.standard().enrich(raw): the whole enrichment as the Streams topology runs it (parse excluded)");
    steps.add(enrichment);
    MemoryFigures newsflowMemory = new MemoryFigures(newsflowRetained, heap.figures(), ProcessMemory.peakRssBytes(), rssReset);
    OutputStats newsflowOutput = OutputStats.of(outputs.subList(outputs.size() - prepared.size(), outputs.size()));

    StepResult corenlp = StepResult.skipped("corenlp", "skipped with --skip-corenlp");
    MemoryFigures corenlpMemory = null;
    CorpusStats corpusStats = CorpusStats.of(prepared.stream().map(Prepared::fullText).toList(), null);
    double corenlpLoadSeconds = Double.NaN;
    if (!skipCorenlp) {
      rssReset = ProcessMemory.resetPeak();
      loadStart = System.nanoTime();
      CoreNlpBaseline baseline = CoreNlpBaseline.load();
      corenlpLoadSeconds = (System.nanoTime() - loadStart) / 1e9;
      long corenlpRetained = HeapWatch.retainedAfterFullGc();
      heap.reset();
      List<CoreNlpBaseline.Annotated> annotated = new ArrayList<>();
      corenlp = meter.measure("corenlp", prepared, p -> {
        CoreNlpBaseline.Annotated a = baseline.annotate(p.fullText());
        annotated.add(a);
        return a.tokens();
      }, "tokenize,ssplit,pos,lemma,ner; pos " + CoreNlpBaseline.POS_MODEL + "; ner " + CoreNlpBaseline.NER_MODEL);
      corenlpMemory = new MemoryFigures(corenlpRetained, heap.figures(), ProcessMemory.peakRssBytes(), rssReset);
      corpusStats = CorpusStats.of(prepared.stream().map(Prepared::fullText).toList(),
          annotated.subList(annotated.size() - prepared.size(), annotated.size()));
    }
    heap.close();
    SystemCpu.Load load = machineLoad.stop();
    if (load.otherCores() > 0.5) {
      notes.add(String.format(Locale.ROOT, "Other processes kept %.1f of %d cores busy on average during the run: "
          + "CPU-time rates are less disturbed than wall time, but shared caches and SMT siblings still slow them; "
          + "compare ratios, and re-run on a quiet machine for absolute figures", load.otherCores(), machine.cores()));
    }
    if (!rssReset) {
      notes.add("VmHWM could not be reset between phases: peak RSS figures are since JVM start");
    }
    notes.add("Articles per CPU-second count the CPU time of the measuring thread only; "
        + "articlesPerProcessCpuSecond adds GC and JIT threads of the same interval");
    notes.add("Both phases run in one JVM, newsflow first: CoreNLP's heap figures include newsflow's retained models");

    double newsflowRate = enrichment.articlesPerCpuSecond();
    double corenlpRate = corenlp.measured() ? corenlp.articlesPerCpuSecond() : Double.NaN;
    double ratio = corenlp.measured() ? StepMeter.round(newsflowRate / corenlpRate) : Double.NaN;
    double newsflowProcessRate = enrichment.articlesPerProcessCpuSecond();
    double corenlpProcessRate = corenlp.measured() ? corenlp.articlesPerProcessCpuSecond() : Double.NaN;
    double processRatio = corenlp.measured() ? StepMeter.round(newsflowProcessRate / corenlpProcessRate) : Double.NaN;
    EnrichBenchResult result = new EnrichBenchResult("enrich", startedAt.toString(), Bench.commandLine(spec),
        newsflowProcessRate, corenlpProcessRate, processRatio, newsflowRate, corenlpRate, ratio,
        new EnrichBenchResult.Targets(TARGET_ARTICLES_PER_CPU_SECOND, TARGET_RATIO,
            newsflowProcessRate >= TARGET_ARTICLES_PER_CPU_SECOND,
            corenlp.measured() ? processRatio >= TARGET_RATIO : null),
        new EnrichBenchResult.Wiring(EnricherParts.describe(parts.languages()), EnricherParts.describe(parts.entities()),
            EnricherParts.describe(parts.stances()), MinHashFingerprinter.class.getName()),
        seed, warmup, corpusStats, newsflowOutput, steps, corenlp,
        StepMeter.round(newsflowLoadSeconds), StepMeter.round(corenlpLoadSeconds),
        newsflowMemory, corenlpMemory, machine, Machine.loadAverage(), load, notes, meter.sink());
    if (out != null) {
      Results.write(out, result);
    }
    System.out.println(summary(result));
    return 0;
  }

  private static List<Prepared> prepare(List<BenchArticle> corpus, EnricherParts parts, List<String> notes) {
    List<Prepared> prepared = new ArrayList<>();
    Instant received = Instant.parse("2025-03-27T12:00:00Z");
    for (BenchArticle a : corpus) {
      List<ParsedArticle> parsed;
      try {
        parsed = WireFormats.parse(a.bytes(), a.mediaType());
      } catch (RuntimeException e) {
        notes.add("Sample " + a.name() + " left out: " + e.getMessage());
        continue;
      }
      for (ParsedArticle p : parsed) {
        RawArticle raw = RawArticles.from(p, "bench", a.mediaType(), a.bytes(), received);
        String language = parts.languages() == null ? "en"
            : parts.languages().identify(raw.getLanguage(), raw.getHeadline(), raw.getBody()).language();
        var date = raw.getPublished() == null ? null : raw.getPublished().atZone(ZoneOffset.UTC).toLocalDate();
        prepared.add(new Prepared(a, raw, new ArticleText(raw.getHeadline(), raw.getBody(), language, date),
            raw.getHeadline() + "\n\n" + raw.getBody()));
      }
    }
    return prepared;
  }

  static String summary(EnrichBenchResult r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "newsflow bench enrich — %d articles (seed %d, mean %.0f tokens), warm-up at least %d calls per step, until the JIT is quiet%n",
        r.corpus().articles(), r.seed(), r.corpus().meanTokens(), r.warmupCalls()));
    s.append(String.format(Locale.ROOT, "machine: %d cores, %s, %s, %s; load average %.1f at start, %.1f at end%n",
        r.machine().cores(), r.machine().cpuModel(), r.machine().jvm(), Results.megabytes(r.machine().memoryBytes()),
        r.machine().loadAverageAtStart(), r.loadAverageAtEnd()));
    s.append(String.format(Locale.ROOT, "code: %s%s; entities: %s; stances: %s%n", r.machine().gitCommit(),
        r.machine().gitDirty() ? " (uncommitted changes)" : "", r.wiring().entityTagger(), r.wiring().stanceTagger()));
    s.append(String.format(Locale.ROOT, "%-16s %14s %14s %12s %12s %8s %8s %8s%n", "step", "articles/CPU-s",
        "(process CPU)", "ms/article", "(process)", "warm-up", "JIT ms", "GC ms"));
    List<StepResult> all = new ArrayList<>(r.steps());
    all.add(r.corenlp());
    for (StepResult step : all) {
      if (step.measured()) {
        s.append(String.format(Locale.ROOT, "%-16s %14.1f %14.1f %12.2f %12.2f %8d %8d %8d%n", step.step(),
            step.articlesPerCpuSecond(), step.articlesPerProcessCpuSecond(), step.cpuMillisPerArticle(),
            step.processCpuMillisPerArticle(), step.warmupCalls(), step.jitMillis(), step.gcMillis()));
      } else {
        s.append(String.format(Locale.ROOT, "%-16s %s%n", step.step(), step.note()));
      }
    }
    s.append(String.format(Locale.ROOT, "process CPU (GC, JIT included): newsflow %.1f articles/CPU-s, CoreNLP %.1f, "
            + "ratio %.2f (targets: >= %.0f and >= %.0fx: %s)%n",
        r.newsflowArticlesPerProcessCpuSecond(), r.corenlpArticlesPerProcessCpuSecond(), r.processRatio(),
        TARGET_ARTICLES_PER_CPU_SECOND, TARGET_RATIO, r.targets().articlesPerProcessCpuSecondMet()
            && Boolean.TRUE.equals(r.targets().processRatioMet()) ? "met" : "not met"));
    s.append(String.format(Locale.ROOT, "thread CPU (the enrichment's own work): newsflow %.1f, CoreNLP %.1f, ratio %.2f%n",
        r.newsflowArticlesPerCpuSecond(), r.corenlpArticlesPerCpuSecond(), r.ratio()));
    s.append(String.format(Locale.ROOT, "newsflow: %.1f entities, %.1f quotes, %.1f stances per article; models %s retained, peak heap %s, peak RSS %s%n",
        r.newsflowOutput().meanEntities(), r.newsflowOutput().meanQuotes(), r.newsflowOutput().meanStances(),
        Results.megabytes(r.newsflowMemory().retainedHeapBytes()),
        Results.megabytes(r.newsflowMemory().heap().poolPeakBytes()), Results.megabytes(r.newsflowMemory().peakRssBytes())));
    if (r.corenlpMemory() != null) {
      s.append(String.format(Locale.ROOT, "CoreNLP: %.1f entity spans per article; with models %s retained, peak heap %s, peak RSS %s%n",
          r.corpus().meanCorenlpEntitySpans(), Results.megabytes(r.corenlpMemory().retainedHeapBytes()),
          Results.megabytes(r.corenlpMemory().heap().poolPeakBytes()), Results.megabytes(r.corenlpMemory().peakRssBytes())));
    }
    r.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
    return s.toString();
  }
}
