package dev.specgate.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * A one-line progress indicator on stderr for runs over many files: what is being done, over how
 * many files, and the seconds so far, redrawn in place and erased when done. Shown only when
 * stderr is a terminal and the run is not in CI, or when asked with {@code --progress}; never on
 * stdout, so it never mixes into JSON, SARIF or Markdown output.
 */
final class Progress implements AutoCloseable {
  /** Fewer files than this finish before a progress line would help. */
  static final int MIN_FILES = 200;
  private static final long REDRAW_MILLIS = 250;

  private final PrintWriter err;
  private final Thread ticker;
  private final long start = System.nanoTime();
  private volatile String phase = "";
  private int width;

  private Progress(PrintWriter err) {
    this.err = err;
    this.ticker = new Thread(this::tick, "specgate-progress");
    ticker.setDaemon(true);
  }

  /**
   * A progress line when {@code forced}, or when there are many files, stderr is a terminal
   * (the launcher says so in {@code specgate.stderrTty}; without it, a console) and CI is unset.
   */
  static Progress start(PrintWriter err, int files, boolean forced, Map<String, String> env) {
    boolean terminal = Boolean.parseBoolean(System.getProperty("specgate.stderrTty",
        String.valueOf(System.console() != null)));
    boolean wanted = forced || (files >= MIN_FILES && terminal && env.get("CI") == null);
    if (!wanted) return null;
    Progress p = new Progress(err);
    p.ticker.start();
    return p;
  }

  void phase(String text) {
    phase = text;
  }

  private void tick() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        draw();
        Thread.sleep(REDRAW_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void draw() {
    String line = String.format("specgate: %s ... %.1f s", phase, (System.nanoTime() - start) / 1e9);
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    width = line.length();
    err.flush();
  }

  @Override
  public synchronized void close() {
    ticker.interrupt();
    err.print("\r" + " ".repeat(width) + "\r");
    err.flush();
  }
}
