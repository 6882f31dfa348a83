package io.newsflow.bench.corpus;

/**
 * One document of the bench corpus, as it is posted to ingest.
 *
 * @param name      where it came from: a generated story id or a sample file name
 * @param mediaType the Content-Type it is posted with
 * @param bytes     the document
 */
public record BenchArticle(String name, String mediaType, byte[] bytes) {}
