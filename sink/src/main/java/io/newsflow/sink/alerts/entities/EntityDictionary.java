package io.newsflow.sink.alerts.entities;

import io.newsflow.kb.KnowledgeBase;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entity dictionary of the sink: enrich's knowledge base, loaded on a background thread once the sink's stream
 * runs (seconds of CPU that would otherwise delay the stream and the API), then resolving names through
 * {@link KnowledgeBaseResolver}. A subscription that names an entity while it is still loading waits for it up to
 * {@code wait}, then is refused as unavailable; ids never wait. If it cannot be loaded, names stay unresolved
 * and match by name, as the answer says.
 */
public final class EntityDictionary implements EntityResolver {

  private static final Logger log = LoggerFactory.getLogger(EntityDictionary.class);

  private final CompletableFuture<EntityResolver> loaded;
  private final Duration wait;

  private EntityDictionary(CompletableFuture<EntityResolver> loaded, Duration wait) {
    this.loaded = loaded;
    this.wait = wait;
  }

  /** Starts loading enrich's knowledge base from the classpath. */
  public static EntityDictionary loadInBackground(Duration wait) {
    return loadInBackground(KnowledgeBase::shared, wait, () -> true);
  }

  /**
   * Loads enrich's knowledge base once {@code startWhen} holds (checked every 100 ms, for at most a minute): the
   * sink passes "the stream is running", so that on a busy machine the load does not take the CPU the stream
   * needs to start.
   */
  public static EntityDictionary loadInBackground(Duration wait, BooleanSupplier startWhen) {
    return loadInBackground(KnowledgeBase::shared, wait, startWhen);
  }

  static EntityDictionary loadInBackground(Supplier<KnowledgeBase> source, Duration wait) {
    return loadInBackground(source, wait, () -> true);
  }

  private static EntityDictionary loadInBackground(Supplier<KnowledgeBase> source, Duration wait,
                                                   BooleanSupplier startWhen) {
    CompletableFuture<EntityResolver> loaded = new CompletableFuture<>();
    Thread loader = new Thread(() -> {
      try {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!startWhen.getAsBoolean() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long started = System.nanoTime();
      try {
        KnowledgeBase kb = source.get();
        log.info("Entity dictionary loaded in {} ms ({} identities): subscription names resolve to ids",
            (System.nanoTime() - started) / 1_000_000, kb.size());
        loaded.complete(new KnowledgeBaseResolver(kb));
      } catch (RuntimeException | Error e) {
        log.error("Entity dictionary could not be loaded; subscription names will match by name only", e);
        loaded.complete(NONE);
      }
    }, "sink-entity-dictionary");
    loader.setDaemon(true);
    loader.start();
    return new EntityDictionary(loaded, wait);
  }

  @Override
  public EntityCriterion resolve(EntityCriterion given, Set<EntityType> types) {
    if (given.resolution() == Resolution.ID) {
      // an id needs no lookup: its canonical name is shown only when the dictionary is there already
      return loaded.isDone() ? loaded.join().resolve(given, types) : given;
    }
    try {
      return loaded.get(wait.toMillis(), TimeUnit.MILLISECONDS).resolve(given, types);
    } catch (TimeoutException e) {
      throw new Unavailable("The entity dictionary is still loading; try again in a few seconds");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("Interrupted while waiting for the entity dictionary");
    } catch (ExecutionException e) {
      return given;
    }
  }

  /** Whether the dictionary finished loading (or failed to). */
  public boolean isLoaded() {
    return loaded.isDone();
  }
}
