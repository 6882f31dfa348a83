# One image for every newsflow service; the command picks it:
#   docker run newsflow ingest | enrich | sink | topics | run | health
# Builds with BuildKit (Compose v2, docker build) and with the legacy builder (Compose v1.29): no `# syntax`
# line (BuildKit would pull its frontend image) and no RUN --mount (the legacy builder refuses it).
# Build stage: the reactor build of the launcher and the modules it needs (tests run in CI, not here; .dockerignore
# leaves them out). -DskipTests, not maven.test.skip: the services' test scope names platform's test-jar, which
# Maven 3.9 resolves in the reactor only if it was packaged (empty here), even when no test runs.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl launcher -am package
# Keep the launcher jar and its runtime classpath only. The NER model enrich uses is repackaged inside
# newsflow-enrich.jar; the 474 MB CoreNLP models jar must never reach the runtime image.
RUN mkdir -p /out/launcher/target \
    && cp launcher/target/newsflow-launcher.jar /out/launcher/target/ \
    && cp -r launcher/target/lib /out/launcher/target/lib \
    && if ls /out/launcher/target/lib | grep -- '-models'; then \
         echo "a models jar is on the runtime classpath: repackage the model files used instead" >&2; exit 1; \
       fi

# Runtime stage: a JRE, the launcher, no build tools, no root.
FROM eclipse-temurin:17.0.16_8-jre
LABEL org.opencontainers.image.title="newsflow" \
      org.opencontainers.image.description="Event-driven news ingestion pipeline on Apache Kafka" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 newsflow \
    && useradd --system --uid 10001 --gid newsflow --home-dir /app --no-create-home --shell /usr/sbin/nologin newsflow \
    && mkdir -p /var/lib/newsflow \
    && chown newsflow:newsflow /var/lib/newsflow
WORKDIR /app
COPY --from=build /out/ /app/
COPY bin/newsflow /app/bin/newsflow
ENV PATH="/app/bin:${PATH}" \
    NEWSFLOW_LOG_FORMAT=json \
    NEWSFLOW_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    NEWSFLOW_DATA_DIR=/var/lib/newsflow \
    NEWSFLOW_ENRICH_STATE_DIR=/var/lib/newsflow/enrich \
    NEWSFLOW_SINK_STATE_DIR=/var/lib/newsflow/sink
USER 10001:10001
# ingest API, enrich health/metrics, sink API and health/metrics
EXPOSE 8080 8081 8082
# no curl in the image: a small JVM asks /health/ready of the service ports configured in this container.
# It starts in seconds, but took 30 s on a host with 2 cores starved by other work (CI): hence the timeout.
HEALTHCHECK --interval=20s --timeout=45s --start-period=180s --retries=3 \
    CMD ["env", "NEWSFLOW_JAVA_OPTS=-Xmx32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", "NEWSFLOW_LOG_FORMAT=text", "newsflow", "health"]
ENTRYPOINT ["newsflow"]
CMD ["run"]
