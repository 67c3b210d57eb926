package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.BuildInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
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

  /**
   * The generated script, run by the real shell: zsh through bashcompinit, which calls bash
   * completion functions under {@code emulate sh} (so we do the same). A shell that is not
   * installed is skipped, not faked.
   */
  @Test
  void completionOffersCommandsOptionsAndValuesInTheRealShells(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("specgate-completion");
    Files.writeString(script, CheckCommandTest.run("completion", "bash").out());
    String probe = String.join("; ",
        "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=();"
            + " _complete_specgate specgate \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null;"
            + " echo \"$* => ${COMPREPLY[*]}\"; }",
        "t specgate ch", "t specgate check --fo", "t specgate check --format ''", "t specgate check --fail-on ''",
        "t specgate dry-run --format ''");
    boolean ran = false;
    for (String shell : List.of("bash", "zsh")) {
      Optional<Path> binary = onPath(shell);
      if (binary.isEmpty()) continue;
      String setup = shell.equals("zsh")
          ? "autoload -U +X compinit && compinit -u; autoload -U +X bashcompinit && bashcompinit; source " + script
              + "; echo \"registered: ${_comps[specgate]}\"; emulate sh; setopt kshglob noshglob braceexpand; "
          : "source " + script + "; ";
      Process p = new ProcessBuilder(binary.get().toString(), "-c", setup + probe).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(shell + ": " + out).isZero();
      assertThat(out).as(shell)
          .contains("specgate ch => check")
          .containsPattern("specgate check --fo => .*--format")
          .contains("specgate check --format  => text json sarif markdown github")
          .contains("specgate check --fail-on  => error warning notice")
          .contains("specgate dry-run --format  => text json markdown");
      // sourced after compinit, zsh registers it (the README's way)
      if (shell.equals("zsh")) assertThat(out).contains("registered: _bash_complete -F _complete_specgate");
      ran = true;
    }
    Assumptions.assumeTrue(ran, "neither bash nor zsh is installed");
  }

  private static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  @Test
  void explainSuggestsTheNearestRuleIdForATypo() {
    CheckCommandTest.Run r = CheckCommandTest.run("explain", "nulable-first");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown rule 'nulable-first'").contains("did you mean 'nullable-first'?");
  }
}
