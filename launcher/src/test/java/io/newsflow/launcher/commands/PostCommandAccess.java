package io.newsflow.launcher.commands;

import java.nio.file.Path;

/** Lets tests in other packages send files with the media type {@code bin/newsflow post} uses. */
public final class PostCommandAccess {

  private PostCommandAccess() {}

  public static String mediaType(Path file) {
    return PostCommand.mediaType(file);
  }
}
