package io.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.dedup.BandBucketSerde;
import io.newsflow.enrich.dedup.BandMatcher;
import io.newsflow.enrich.dedup.BandProbe;
import io.newsflow.enrich.dedup.CheckMessage;
import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.dedup.MinHashFingerprinter;
import io.newsflow.enrich.dedup.NearDuplicateGather;
import io.newsflow.enrich.dedup.PendingCheck;
import io.newsflow.enrich.stories.EmbargoHold;
import io.newsflow.enrich.stories.ExactResendFilter;
import io.newsflow.enrich.stories.JsonSerde;
import io.newsflow.enrich.stories.Kills;
import io.newsflow.enrich.stories.ReleaseGate;
import io.newsflow.enrich.stories.Screened;
import io.newsflow.enrich.stories.StoryPolicy;
import io.newsflow.enrich.stories.StoryState;
import io.newsflow.enrich.stories.StoryVersion;
import io.newsflow.enrich.stories.TextFingerprint;
import io.newsflow.enrich.stories.VersionGate;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.serde.AvroSerde;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Raw articles in, enriched articles out, each story once in its latest version:
 * <ol>
 *   <li>by story id: other sources' versions of a story refused, late old versions dropped, the story's owner
 *       and latest version written to {@code news.stories}, embargoed stories held until their time, kills on a cheap path;</li>
 *   <li>by text digest: exact resends under another id dropped, the rest enriched (language, entities, stances);</li>
 *   <li>by LSH band: near-duplicates from other sources found among the recent stories sharing a band;</li>
 *   <li>by story id again: the band verdicts gathered, {@code duplicateOf}/{@code storyCluster} set, and no
 *       version released after a newer one.</li>
 * </ol>
 * Dropped versions and resends are recorded on {@code news.duplicates}. See enrich/README.md.
 */
public final class EnrichTopology {

  private static final Serde<String> KEYS = Serdes.String();
  private static final AvroSerde<RawArticle> RAW = AvroSerde.of(RawArticle.class);
  private static final AvroSerde<EnrichedArticle> ENRICHED = AvroSerde.of(EnrichedArticle.class);
  private static final JsonSerde<BandProbe> PROBES = JsonSerde.of(BandProbe.class);
  private static final JsonSerde<CheckMessage> CHECKS = JsonSerde.of(CheckMessage.class);
  /** {@link MetricNames#DUPLICATES} kind of a story released as a near-duplicate of another ({@code duplicateOf}). */
  static final String NEAR_DUPLICATE = "near-duplicate";

  private final Enricher enricher;
  private final StoryPolicy policy;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final MinHashFingerprinter fingerprinter = new MinHashFingerprinter();

  /** Counting duplicates ({@link MetricNames#DUPLICATES}, tag {@code kind}) in {@code metrics}. */
  public EnrichTopology(Enricher enricher, StoryPolicy policy, Clock clock, MeterRegistry metrics) {
    this.enricher = enricher;
    this.policy = policy;
    this.clock = clock;
    this.metrics = metrics;
  }

  public EnrichTopology(Enricher enricher, StoryPolicy policy, Clock clock) {
    this(enricher, policy, clock, new SimpleMeterRegistry());
  }

  /** With the standard story policy and the system clock. */
  public EnrichTopology(Enricher enricher) {
    this(enricher, StoryPolicy.standard(), Clock.systemUTC());
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(store(VersionGate.STORE, JsonSerde.of(StoryVersion.class)));
    builder.addStateStore(store(EmbargoHold.STORE, RAW));
    builder.addStateStore(store(ExactResendFilter.STORE, JsonSerde.of(TextFingerprint.class)));
    builder.addStateStore(store(BandMatcher.STORE, new BandBucketSerde()));
    builder.addStateStore(store(NearDuplicateGather.STORE, JsonSerde.of(PendingCheck.class)));
    builder.addStateStore(store(ReleaseGate.STORE, JsonSerde.of(StoryVersion.class)));

    // 1. by story id
    Map<String, KStream<String, Screened>> versions = builder.stream(Topics.RAW.name(),
            Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde()).withName("read-raw-articles"))
        .processValues(VersionGate::new, Named.as("drop-late-versions"), VersionGate.STORE)
        .split(Named.as("versions-"))
        .branch((id, s) -> s.isDuplicate(), Branched.as("late"))
        .defaultBranch(Branched.as("newer"));

    KStream<String, RawArticle> newer = versions.get("versions-newer")
        .mapValues(Screened::article, Named.as("unwrap-newer-versions"));

    // what every ingest instance needs to know of a story: its owner, latest version and text
    newer.mapValues(a -> new StoryState(a.getSource(), a.getVersion(), a.getTextDigest(), Kills.isKill(a)).toJson(),
            Named.as("describe-story-state"))
        .to(Topics.STORIES.name(), Produced.with(Topics.STORIES.keySerde(), Topics.STORIES.valueSerde())
            .withName("write-story-states"));

    Map<String, KStream<String, RawArticle>> released = newer
        .process(() -> new EmbargoHold(policy.embargoCheck()), Named.as("hold-embargoed-stories"), EmbargoHold.STORE)
        .split(Named.as("stories-"))
        .branch((id, article) -> Kills.isKill(article), Branched.as("killed"))
        .defaultBranch(Branched.as("usable"));

    // a kill only removes a story: no NLP; it still passes the release gate so it cannot be overtaken
    KStream<String, CheckMessage> kills = released.get("stories-killed")
        .mapValues(kill -> CheckMessage.article(kill.getId(), kill.getVersion(),
            ENRICHED.encode(Kills.enriched(kill, clock.instant())), 0), Named.as("enrich-killed-story"));

    // 2. by text digest: an exact resend under another id lands where its first copy was seen
    Map<String, KStream<String, Screened>> resends = released.get("stories-usable")
        .selectKey((id, article) -> article.getTextDigest(), Named.as("key-by-text-digest"))
        .repartition(Repartitioned.<String, RawArticle>as("articles-by-text-digest").withKeySerde(KEYS).withValueSerde(RAW))
        .processValues(() -> new ExactResendFilter(policy.resendRetention(), policy.pruneInterval(policy.resendRetention())),
            Named.as("drop-exact-resends"), ExactResendFilter.STORE)
        .split(Named.as("texts-"))
        .branch((digest, s) -> s.isDuplicate(), Branched.as("resent"))
        .defaultBranch(Branched.as("new"));

    KStream<String, Fingerprinted> enriched = resends.get("texts-new")
        .mapValues(s -> enricher.enrich(s.article()), Named.as("enrich-article"))
        .mapValues(a -> new Fingerprinted(a, fingerprinter.fingerprint(a.getArticle().getHeadline(), a.getArticle().getBody())),
            Named.as("fingerprint-article"));

    KStream<String, CheckMessage> articles = enriched
        .map((digest, f) -> KeyValue.pair(f.article().getArticle().getId(), CheckMessage.article(
            f.article().getArticle().getId(), f.article().getArticle().getVersion(), ENRICHED.encode(f.article()),
            f.fingerprint().bands().size())), Named.as("key-article-by-story"));

    // 3. by LSH band: every partition's stories meet the candidates sharing a band, wherever they were keyed
    KStream<String, CheckMessage> verdicts = enriched
        .flatMap((digest, f) -> probes(f), Named.as("scatter-to-lsh-bands"))
        .repartition(Repartitioned.<String, BandProbe>as("fingerprints-by-band").withKeySerde(KEYS).withValueSerde(PROBES))
        .process(() -> new BandMatcher(policy.nearDuplicates(), policy.nearDuplicateWindow(),
            policy.pruneInterval(policy.nearDuplicateWindow())), Named.as("match-lsh-band"), BandMatcher.STORE);

    // 4. by story id: gather, then release in version order
    articles.merge(verdicts, Named.as("merge-articles-and-verdicts"))
        .merge(kills, Named.as("merge-kills"))
        .repartition(Repartitioned.<String, CheckMessage>as("near-duplicate-checks-by-story").withKeySerde(KEYS)
            .withValueSerde(CHECKS))
        .process(NearDuplicateGather::new, Named.as("gather-band-verdicts"), NearDuplicateGather.STORE)
        .processValues(ReleaseGate::new, Named.as("release-latest-versions"), ReleaseGate.STORE)
        .peek((id, article) -> {
          if (article != null && article.getDuplicateOf() != null) {
            duplicates(NEAR_DUPLICATE).increment();
          }
        }, Named.as("count-near-duplicates"))
        .to(Topics.ENRICHED.name(), Produced.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
            .withName("write-enriched-articles"));

    versions.get("versions-late")
        .merge(resends.get("texts-resent").selectKey((digest, s) -> s.duplicate().id(), Named.as("key-resend-by-story")),
            Named.as("merge-duplicates"))
        .peek((id, s) -> duplicates(s.duplicate().reason()).increment(), Named.as("count-duplicates"))
        .mapValues(s -> s.duplicate().toJson(), Named.as("describe-duplicate"))
        .to(Topics.DUPLICATES.name(), Produced.with(Topics.DUPLICATES.keySerde(), Topics.DUPLICATES.valueSerde())
            .withName("write-duplicates"));
    return builder.build();
  }

  private Counter duplicates(String kind) {
    return Counter.builder(MetricNames.DUPLICATES).tag("kind", kind).register(metrics);
  }

  private static List<KeyValue<String, BandProbe>> probes(Fingerprinted f) {
    RawArticle a = f.article().getArticle();
    BandProbe probe = new BandProbe(a.getId(), a.getVersion(), a.getSource(), f.fingerprint().signature(),
        a.getReceived().toEpochMilli());
    return f.fingerprint().bands().stream().map(band -> KeyValue.pair(band, probe)).toList();
  }

  private static <V> StoreBuilder<?> store(String name, Serde<V> values) {
    KeyValueBytesStoreSupplier supplier = Stores.persistentKeyValueStore(name);
    return Stores.keyValueStoreBuilder(supplier, KEYS, values).withLoggingEnabled(Map.of());
  }

  /** An enriched article with the fingerprint of its text. */
  private record Fingerprinted(EnrichedArticle article, Fingerprint fingerprint) {}
}
