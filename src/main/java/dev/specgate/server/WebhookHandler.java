package dev.specgate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook}. Before any body byte is read: a request without a well-formed
 * {@code X-Hub-Signature-256} is refused (401), one over 25 MB too (413). A body larger than a
 * small size is read only with a share of a fixed memory budget (503 when it is spent: the
 * catch-up redelivers), so many large forged posts cannot exhaust the heap. Then the signature
 * is checked over the raw bytes (401), the headers (400), the JSON (400); a relevant event is
 * made durable by the {@link Intake} before the 202 goes out, so an acknowledged delivery is never
 * lost; other events get 204. Metric labels come from our own names, never from an unverified header.
 */
final class WebhookHandler {
  static final long MAX_BODY = 25L * 1024 * 1024;
  /** Bodies up to this size are read without taking from the budget. */
  static final int SMALL_BODY = 256 * 1024;
  /** Bytes of large bodies held at once (two and a half 25 MB deliveries). */
  static final int LARGE_BODY_BUDGET = (int) (MAX_BODY * 5 / 2);
  private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-fA-F]{64}");
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  /** A JVM may not measure a thread's CPU time (getCurrentThreadCpuTime then answers -1). */
  private static final boolean CPU_MEASURED = CPU.isCurrentThreadCpuTimeSupported() && CPU.isThreadCpuTimeEnabled();

  private final WebhookSignature signature;
  private final Intake intake;
  private final AnswersFirst answers;
  private final ServiceMetrics metrics;
  private final ObjectMapper json = new ObjectMapper();
  private final Semaphore largeBodies = new Semaphore(LARGE_BODY_BUDGET);

  WebhookHandler(WebhookSignature signature, Intake intake, ServiceMetrics metrics, AnswersFirst answers) {
    this.signature = signature;
    this.answers = answers;
    this.intake = intake;
    this.metrics = metrics;
  }

  void handle(Context ctx) {
    long started = System.nanoTime();
    long cpuStarted = CPU_MEASURED ? CPU.getCurrentThreadCpuTime() : 0;
    answers.answering();
    try {
      verifyAndStore(ctx);
    } finally {
      answers.answered();
      long took = System.nanoTime() - started;
      metrics.webhookHandled(took);
      // the service's own share of the answer time, for load tests and proxies (W3C Server-Timing):
      // wall time from the handler's start, and the CPU time this thread spent in it
      String timing = String.format(java.util.Locale.ROOT, "handle;dur=%.3f", took / 1e6);
      if (CPU_MEASURED) {
        timing += String.format(java.util.Locale.ROOT, ", cpu;dur=%.3f", (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1e6);
      }
      ctx.header("Server-Timing", timing);
    }
  }

  private void verifyAndStore(Context ctx) {
    String sig = ctx.header("X-Hub-Signature-256");
    if (sig == null || !SIGNATURE.matcher(sig).matches()) {
      answer(ctx, "unverified", 401, "bad_signature", "X-Hub-Signature-256 is missing or not sha256=<64 hex digits>");
      return;
    }
    long declared = ctx.contentLength();
    if (declared > MAX_BODY) {
      answer(ctx, "unverified", 413, "too_large", "payload over 25 MB");
      return;
    }
    if (declared < 0) {
      answer(ctx, "unverified", 411, "malformed", "Content-Length is required");
      return;
    }
    int length = (int) declared;
    boolean large = length > SMALL_BODY;
    try {
      if (large && !largeBodies.tryAcquire(length, 2, TimeUnit.SECONDS)) {
        answer(ctx, "unverified", 503, "busy", "too many large deliveries at once; redeliver later");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(ctx, "unverified", 503, "busy", "the service is stopping");
      return;
    }
    try {
      byte[] body;
      try {
        body = readExactly(ctx.req().getInputStream(), length);
      } catch (IOException e) {
        answer(ctx, "unverified", 400, "malformed", "the body ended before Content-Length bytes");
        return;
      }
      if (!signature.valid(sig, body)) {
        answer(ctx, "unverified", 401, "bad_signature", "signature does not match");
        return;
      }
      verified(ctx, body);
    } finally {
      if (large) largeBodies.release(length);
    }
  }

  /**
   * Into one array of the declared size: {@code readNBytes(int)} gathers chunks and copies them into
   * a final array, twice the body's size at its peak, which the large-body budget does not count.
   */
  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    if (in.readNBytes(body, 0, length) != length) throw new IOException("short body");
    return body;
  }

  private void verified(Context ctx, byte[] body) {
    String event = ctx.header("X-GitHub-Event");
    String label = WebhookEvents.label(event);
    String delivery = ctx.header("X-GitHub-Delivery");
    if (event == null || event.isBlank() || delivery == null || delivery.isBlank()) {
      answer(ctx, label, 400, "malformed", "X-GitHub-Event and X-GitHub-Delivery headers are required");
      return;
    }
    if (delivery.length() > 100) {
      answer(ctx, label, 400, "malformed", "X-GitHub-Delivery is " + delivery.length()
          + " characters long; at most 100 are accepted (GitHub sends a 36-character GUID)");
      return;
    }
    List<WorkItem> work;
    try {
      JsonNode payload = json.readTree(body);
      if (payload == null) throw new WebhookEvents.MalformedPayloadException("empty body");
      work = WebhookEvents.workFor(event, payload, JobProcessor.CHECK_NAME);
    } catch (JsonProcessingException e) {
      answer(ctx, label, 400, "malformed", "body is not JSON: " + e.getOriginalMessage());
      return;
    } catch (IOException | WebhookEvents.MalformedPayloadException e) {
      answer(ctx, label, 400, "malformed", e.getMessage());
      return;
    }
    if (work.isEmpty()) {
      answer(ctx, label, 204, "ignored", null);
      return;
    }
    JobStore.Accepted accepted;
    try {
      accepted = intake.receive(delivery, event, work);
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.error("delivery {}: cannot store the job: {}", delivery, Secrets.redact(e.getMessage()));
      answer(ctx, label, 503, "store_error", "the job could not be stored; redeliver later");
      return;
    }
    switch (accepted) {
      case DUPLICATE -> answer(ctx, label, 200, "duplicate", "delivery " + delivery + " was already received");
      case DEDUPLICATED -> answer(ctx, label, 202, "deduplicated", "the same work is already queued or done");
      default -> answer(ctx, label, 202, "queued", "queued");
    }
  }

  private void answer(Context ctx, String label, int status, String outcome, String message) {
    metrics.delivery(label, outcome);
    ctx.status(status);
    if (message != null && status != 204) {
      ctx.contentType("application/json");
      ctx.result("{\"outcome\":\"" + outcome + "\",\"message\":" + quote(message) + "}");
    }
  }

  private String quote(String s) {
    try {
      return json.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      return "\"\"";
    }
  }
}
