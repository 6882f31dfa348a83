package io.newsflow.launcher.fuzz;

/**
 * One input pushed through a parser: which generator made it, the media type it is sent as, and its bytes.
 * {@code iteration} with the run's seed regenerates it exactly.
 */
public record FuzzInput(long iteration, String kind, String mediaType, byte[] bytes) {

  /** For a report: what the input was, without printing a possibly huge body. */
  public String describe() {
    return "#" + iteration + " " + kind + " as '" + mediaType + "' (" + bytes.length + " bytes)";
  }
}
