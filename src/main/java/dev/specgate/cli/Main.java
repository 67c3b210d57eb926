package dev.specgate.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code specgate} command line. Exit codes: 0 pass, 1 findings at or above fail-on, 2
 * usage/config/I/O. A new command is one line in {@link #COMMANDS}; it gets {@code --help},
 * {@code -h} and a place in {@code specgate help} and the shell completion without more code.
 */
@Command(
    name = "specgate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Reviews database schema changes: migration SQL, the migration packet and the diff.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = Main.EXAMPLES,
    footer = {
      "  specgate check db/migrations           review every migration and packet under a folder",
      "  specgate check --base main             review the change from main to HEAD",
      "  specgate help check                    the options of one command",
      "",
      "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, configuration or I/O error."
    })
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_USAGE = 2;
  /** The heading of every command's examples (its usage footer). */
  static final String EXAMPLES = "%nExamples:%n";

  /** Every subcommand, in the order {@code specgate --help} lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      CheckCommand.class,
      DryRunCommand.class,
      GuardCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      PacketCommand.class,
      ConfigCommand.class,
      ServeCommand.class,
      DeliveriesCommand.class,
      ActionCommand.class,
      CompletionCommand.class);

  @CommandLine.Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI with the given streams; returns the exit code instead of exiting (tests call this). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = commandLine(args);
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }

  /** The whole command tree (for help, completion and tests). */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command tree for these arguments. Picocli builds each command's model by reflection when
   * it is added, which costs a short run about a tenth of its CPU time; so a run whose first
   * argument names a command gets that command only, and {@code --version} gets none. Help and
   * completion, which list every command, get them all.
   */
  static CommandLine commandLine(String[] args) {
    String first = args.length > 0 ? args[0] : "";
    CommandLine cli = new CommandLine(new Main());
    if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) return cli;
    Class<?> named = COMMANDS.stream()
        .filter(c -> c.getAnnotation(Command.class).name().equals(first))
        .findFirst().orElse(null);
    for (Class<?> c : named != null ? List.<Class<?>>of(named) : COMMANDS) {
      CommandLine sub = new CommandLine(c, CommandLine.defaultFactory());
      CommandSpec s = sub.getCommandSpec();
      if (!s.mixinStandardHelpOptions()) s.mixinStandardHelpOptions(true);
      s.versionProvider(new Version());
      cli.addSubcommand(sub);
    }
    // `specgate help` only when no command is named: a run of `check` cannot reach it.
    if (named == null) cli.addSubcommand(new CommandLine.HelpCommand());
    return cli;
  }

  /**
   * A user error as one line, anything else as an internal error without a stack trace. A class,
   * not a lambda: picocli's interfaces are class-file version 49, and the JDK 17 CDS dump leaves
   * out an old interface that a lambda proxy links, so a lambda here cost every run a class
   * spun at start and two classes loaded from the jar.
   */
  private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
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
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
