package io.newsflow.launcher.commands;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.http.TokenAuthenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The token the command-line clients send, found the way a user on this machine expects. */
final class ClientCredentials {

  private ClientCredentials() {}

  static Optional<String> token(Settings settings) throws IOException {
    Optional<String> explicit = settings.find(LauncherSettings.API_TOKEN);
    if (explicit.isPresent()) {
      return explicit;
    }
    Optional<String> configured = settings.find(IngestConfig.API_TOKENS)
        .flatMap(spec -> TokenAuthenticator.parse(spec).anyToken());
    if (configured.isPresent()) {
      return configured;
    }
    Path local = RunCommand.tokenFile(settings.getPath(LauncherSettings.DATA_DIR));
    return Files.exists(local) ? Optional.of(Files.readString(local).trim()) : Optional.empty();
  }
}
