package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.BuildInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --help and -h on every command, `specgate help`, --version, shell completion: through the main entry. */
class HelpAndVersionTest {
  private static List<String> commands() {
    return List.copyOf(Main.commandLine().getSubcommands().keySet());
  }

  @Test
  void everyCommandAnswersHelpWithItsUsageAndAnExample() {
    assertThat(commands()).contains("check", "guard", "rules", "explain", "config", "serve", "deliveries", "action", "completion", "help");
    for (String command : commands()) {
      for (String flag : List.of("--help", "-h")) {
        CheckCommandTest.Run r = CheckCommandTest.run(command, flag);
        assertThat(r.exit()).as(command + " " + flag + ": " + r.err()).isZero();
        assertThat(r.out()).as(command + " " + flag).contains("Usage: specgate " + command);
        assertThat(r.err()).as(command + " " + flag).isEmpty();
      }
    }
  }

  @Test
  void everyCommandWeWroteShowsExamples() {
    for (String command : List.of("check", "guard", "rules", "explain", "packet", "config", "serve", "deliveries", "completion")) {
      assertThat(CheckCommandTest.run(command, "--help").out()).as(command).contains("Examples:");
    }
    assertThat(CheckCommandTest.run("--help").out()).contains("Examples:").contains("check").contains("completion");
  }

  @Test
  void helpCommandShowsTheUsageOfTheNamedCommand() {
    CheckCommandTest.Run r = CheckCommandTest.run("help", "check");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Usage: specgate check").contains("--fail-on").contains("--base");
    assertThat(CheckCommandTest.run("help").out()).startsWith("Usage: specgate");
  }

  @Test
  void anUnknownOptionIsAUsageErrorNamingIt() {
    CheckCommandTest.Run r = CheckCommandTest.run("check", "--formt", "json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--formt'");
  }

  @Test
  void versionIsTheBuildsVersion() {
    BuildInfo build = BuildInfo.current();
    // Tests run from Maven's filtered classes: the project version, never the fallback.
    assertThat(build.version()).isNotEqualTo("development build").matches("\\d+\\.\\d+\\.\\d+.*");
    CheckCommandTest.Run r = CheckCommandTest.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip()).isEqualTo("specgate " + build.describe());
    assertThat(CheckCommandTest.run("check", "--version").out().strip()).isEqualTo("specgate " + build.describe());
    build.commit().ifPresent(c -> assertThat(c).matches("[0-9a-f]{7,40}"));
  }

  @Test
  void completionPrintsAScriptThatCompletesTheCommandsForBashAndZsh() {
    for (String shell : List.of("bash", "zsh")) {
      CheckCommandTest.Run r = CheckCommandTest.run("completion", shell);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("complete -F").contains("bashcompinit").contains("check").contains("--fail-on");
    }
    CheckCommandTest.Run fish = CheckCommandTest.run("completion", "fish");
    assertThat(fish.exit()).isEqualTo(2);
    assertThat(fish.err()).contains("bash").contains("zsh");
  }

  @Test
  void explainSuggestsTheNearestRuleIdForATypo() {
    CheckCommandTest.Run r = CheckCommandTest.run("explain", "nulable-first");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown rule 'nulable-first'").contains("did you mean 'nullable-first'?");
  }
}
