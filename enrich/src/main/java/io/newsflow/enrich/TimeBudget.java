package io.newsflow.enrich;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The guard against a slow article: each NLP step of one article runs on a worker thread with a time
 * budget; past it the step is interrupted and the article fails with {@link EnrichmentTimeoutException}, which
 * the Streams processing-exception handler sends to news.deadletter. The stream thread therefore never spends
 * more than the budget on one article and stays well inside {@code max.poll.interval.ms}.
 * A step that ignores the interrupt keeps its worker thread until it returns, but no longer holds the stream.
 */
public final class TimeBudget {

  private final Duration budget;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "enrich-budgeted-step");
    t.setDaemon(true);
    return t;
  });

  public TimeBudget(Duration budget) {
    this.budget = budget;
  }

  public EntityTagger entities(EntityTagger tagger) {
    return text -> within("entities", () -> tagger.tag(text));
  }

  public StanceTagger stances(StanceTagger tagger) {
    return (ArticleText text, List<Entity> found) -> within("stances", () -> tagger.tag(text, found));
  }

  private <T> T within(String step, Callable<T> work) {
    Future<T> result = workers.submit(work);
    try {
      return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new EnrichmentTimeoutException(step + " took longer than " + budget.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnrichmentTimeoutException(step + " interrupted");
    }
  }

  /** One article's enrichment ran out of time; it is dead-lettered, the stream goes on. */
  public static final class EnrichmentTimeoutException extends RuntimeException {
    EnrichmentTimeoutException(String message) {
      super(message);
    }
  }
}
