package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the catalogue of settings: no more, no fewer, same defaults. */
class ReadmeConfigurationTest {

  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|([^|]*)\\|");

  @Test
  void listsExactlyTheSettingsTheServicesRead() {
    // given
    Map<String, String> documented = configurationTable(readme());
    Map<String, String> known = new LinkedHashMap<>();
    for (Setting s : LauncherSettings.all()) {
      known.put(s.name(), s.defaultValue());
    }

    // when
    Set<String> undocumented = new TreeSet<>(known.keySet());
    undocumented.removeAll(documented.keySet());
    Set<String> unknown = new TreeSet<>(documented.keySet());
    unknown.removeAll(known.keySet());

    // then
    assertThat(documented).as("rows of the table under '## Configuration' in README.md").isNotEmpty();
    assertThat(new ArrayList<>(undocumented))
        .as("README.md '## Configuration' lacks rows for these settings of LauncherSettings.all(); add:%n%s",
            rowsFor(undocumented))
        .isEmpty();
    assertThat(new ArrayList<>(unknown))
        .as("README.md '## Configuration' documents variables no service reads; remove them or add the settings")
        .isEmpty();
  }

  @Test
  void givesTheDefaultEachSettingHas() {
    // given
    Map<String, String> documented = configurationTable(readme());

    // when
    List<String> wrong = new ArrayList<>();
    for (Setting s : LauncherSettings.all()) {
      String shown = documented.get(s.name());
      if (shown != null && !shown.equals(s.defaultValue())) {
        wrong.add(s.name() + ": README says '" + shown + "', the code says '" + s.defaultValue() + "'");
      }
    }

    // then
    assertThat(wrong).as("defaults in README.md '## Configuration' (second column, in backticks or empty)").isEmpty();
  }

  private static String readme() {
    assertThat(RepoFiles.root().resolve("README.md"))
        .as("README.md at the repository root, with the configuration table under '## Configuration'")
        .exists();
    return RepoFiles.read("README.md");
  }

  /** Variable → default (backticks stripped) of the first table under the {@code ## Configuration} heading. */
  static Map<String, String> configurationTable(String markdown) {
    Map<String, String> rows = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        if (inSection) {
          break;
        }
        inSection = line.trim().equals("## Configuration");
        continue;
      }
      Matcher m = ROW.matcher(line.trim());
      if (inSection && m.find()) {
        rows.put(m.group(1), m.group(2).trim().replaceAll("^`|`$", ""));
      }
    }
    return rows;
  }

  private static String rowsFor(Set<String> names) {
    StringBuilder rows = new StringBuilder();
    for (Setting s : LauncherSettings.all()) {
      if (names.contains(s.name())) {
        String def = s.defaultValue().isEmpty() ? "" : "`" + s.defaultValue() + "`";
        rows.append("| `").append(s.name()).append("` | ").append(def).append(" | ").append(s.description()).append(" |\n");
      }
    }
    return rows.toString();
  }
}
