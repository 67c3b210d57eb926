package dev.specgate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate completion bash|zsh}: the shell completion script picocli generates from the
 * command tree. The script is a bash completion function; under zsh it loads zsh's
 * {@code bashcompinit} itself, so both shells get the same text.
 */
@Command(name = "completion",
    description = "Print the shell completion script for bash or zsh.",
    footerHeading = Main.EXAMPLES,
    footer = {
      "  source <(specgate completion bash)                          # this bash session",
      "  specgate completion bash > ~/.local/share/bash-completion/completions/specgate",
      "  source <(specgate completion zsh)                           # in ~/.zshrc, after compinit"
    })
final class CompletionCommand implements Callable<Integer> {
  enum Shell { bash, zsh }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("specgate", Main.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    out.print(script);
    out.flush();
    return Main.EXIT_OK;
  }
}
