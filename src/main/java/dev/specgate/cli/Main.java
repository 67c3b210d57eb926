package dev.specgate.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code specgate} command line. Exit codes: 0 pass, 1 findings at or above fail-on, 2 usage/config/I/O. */
@Command(
    name = "specgate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Reviews database schema changes: migration SQL, the migration packet and the diff.",
    subcommands = {
      CheckCommand.class,
      DryRunCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      ActionCommand.class,
      GuardCommand.class,
      ServeCommand.class,
    })
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI with the given streams; returns the exit code instead of exiting (tests call this). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter w = commandLine.getErr();
      if (e instanceof UserError) {
        w.println("specgate: " + e.getMessage());
      } else {
        // Never a stack trace for the user; SPECGATE_DEBUG=1 shows it to whoever reports the bug.
        w.println("specgate: internal error: " + e);
        if (System.getenv("SPECGATE_DEBUG") != null) e.printStackTrace(w);
      }
      w.flush();
      return EXIT_USAGE;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
