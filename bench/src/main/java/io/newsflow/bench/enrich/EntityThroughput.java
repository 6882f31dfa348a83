package io.newsflow.bench.enrich;

import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger;
import io.newsflow.nlp.model.ArticleText;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bench command for the whole entity step (recognition, linking, coreference): articles per CPU-second on
 * one thread after warm-up, load time and heap.
 *
 * <pre>java -cp … io.newsflow.bench.enrich.EntityThroughput [ARTICLES] [FILE.txt …]</pre>
 *
 * <p>Each file is one article, first line the headline (default: {@code ../shared/samples/coalition-paris.txt},
 * about 1,000 tokens). ARTICLES is how many articles are tagged in the measured loop (default 300).
 */
public final class EntityThroughput {

  private EntityThroughput() {}

  public static void main(String[] args) throws IOException {
    int count = 300;
    List<Path> files = new ArrayList<>();
    for (String a : args) {
      if (a.matches("\\d+")) {
        count = Integer.parseInt(a);
      } else {
        files.add(Path.of(a));
      }
    }
    if (files.isEmpty()) {
      files.add(Path.of("../shared/samples/coalition-paris.txt"));
    }
    List<ArticleText> articles = new ArrayList<>();
    long tokens = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      int nl = text.indexOf('\n');
      articles.add(new ArticleText(text.substring(0, Math.max(0, nl)), text.substring(nl + 1), "en", null));
      tokens += text.split("\\s+").length;
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long loadCpu = threads.getCurrentThreadCpuTime();
    long loadWall = System.nanoTime();
    KnowledgeBaseEntityTagger tagger = KnowledgeBaseEntityTagger.load();
    double loadSeconds = (System.nanoTime() - loadWall) / 1e9;
    double loadCpuSeconds = (threads.getCurrentThreadCpuTime() - loadCpu) / 1e9;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heapAfterLoad = rt.totalMemory() - rt.freeMemory();

    int warmUp = Math.max(20, count / 5);
    long entities = 0;
    for (int i = 0; i < warmUp; i++) {
      entities += tagger.tag(articles.get(i % articles.size())).size();
    }
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    for (int i = 0; i < count; i++) {
      entities += tagger.tag(articles.get(i % articles.size())).size();
    }
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "articles: %d file(s), %.0f tokens per article on average%n", articles.size(),
        (double) tokens / articles.size());
    System.out.printf(Locale.ROOT, "load: %.1f s wall, %.1f s CPU; heap after load and GC: %.0f MB%n", loadSeconds,
        loadCpuSeconds, heapAfterLoad / 1e6);
    System.out.printf(Locale.ROOT, "tagged %d articles (after %d warm-up) in %.2f CPU-s, %.2f wall-s: %.1f articles "
        + "per CPU-second (%d entities)%n", count, warmUp, cpuSeconds, wallSeconds, count / cpuSeconds, entities);
    System.out.printf(Locale.ROOT, "peak heap (sum of heap pools): %.0f MB%n", peakHeap / 1e6);
  }
}
