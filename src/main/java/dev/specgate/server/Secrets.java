package dev.specgate.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log line or an error message: passwords in database URLs
 * (user-info, {@code password=} parameters), GitHub tokens, bearer tokens and JWTs, PEM private
 * keys, and any value registered at startup (the webhook secret, the database password).
 */
public final class Secrets {
  static final String MASK = "****";
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
  // bounded quantifiers and no nested repetition: linear on any input
  private static final Pattern URL_USERINFO = Pattern.compile("(//[^/@\\s:]{0,200}:)[^@\\s/]{1,500}@");
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|sslpassword|key)=)[^&;\\s]{1,1000}");
  private static final Pattern GITHUB_TOKEN = Pattern.compile("\\b(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]{10,255}");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|token)\\s+[A-Za-z0-9._~+/=-]{8,4000}");
  private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{0,4000}");
  private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[^-]{0,20000}(-----END [A-Z ]{0,40}PRIVATE KEY-----)?");

  private Secrets() {}

  /** Registers a value that must never appear in output (ignored when shorter than 4 characters). */
  public static void register(String value) {
    if (value != null && value.length() >= 4) KNOWN.add(value);
  }

  /**
   * A stream that writes what it is given line by line, each line redacted: installed as
   * {@code System.err} by {@code specgate serve}, it covers every log line, libraries' included
   * (slf4j-simple looks up {@code System.err} at each write).
   */
  public static PrintStream redacting(PrintStream target) {
    return new PrintStream(new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        line.write(b);
        if (b == '\n' || line.size() > 64 * 1024) flushLine();
      }

      @Override
      public synchronized void flush() {
        flushLine();
        target.flush();
      }

      private void flushLine() {
        if (line.size() == 0) return;
        target.print(redact(line.toString(StandardCharsets.UTF_8)));
        line.reset();
      }
    }, true, StandardCharsets.UTF_8);
  }

  /** The text with every secret it contains replaced by {@code ****}; null stays null. */
  public static String redact(String text) {
    if (text == null) return null;
    String s = text;
    for (String k : KNOWN) s = s.replace(k, MASK);
    s = URL_USERINFO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    s = PASSWORD_PARAM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    s = GITHUB_TOKEN.matcher(s).replaceAll(MASK);
    s = BEARER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    s = JWT.matcher(s).replaceAll(MASK);
    s = PEM.matcher(s).replaceAll("-----" + MASK + " PRIVATE KEY-----");
    return s;
  }
}
