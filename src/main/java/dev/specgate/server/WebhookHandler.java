package dev.specgate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook}: the signature is checked over the raw bytes before anything is parsed
 * (401), the body must be JSON (400) and at most 25 MB (413); a relevant event is stored as a job
 * before the 202 goes out, so an acknowledged delivery is never lost; other events get 204.
 */
final class WebhookHandler {
  static final long MAX_BODY = 25L * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final WebhookSignature signature;
  private final JobStore store;
  private final ServiceMetrics metrics;
  private final Runnable onQueued;
  private final ObjectMapper json = new ObjectMapper();

  WebhookHandler(WebhookSignature signature, JobStore store, ServiceMetrics metrics, Runnable onQueued) {
    this.signature = signature;
    this.store = store;
    this.metrics = metrics;
    this.onQueued = onQueued;
  }

  void handle(Context ctx) {
    long started = System.nanoTime();
    try {
      verifyAndStore(ctx);
    } finally {
      metrics.webhookHandled(System.nanoTime() - started);
    }
  }

  private void verifyAndStore(Context ctx) {
    String event = ctx.header("X-GitHub-Event");
    long declared = ctx.contentLength();
    if (declared > MAX_BODY) {
      answer(ctx, event, 413, "too_large", "payload over 25 MB");
      return;
    }
    byte[] body;
    try {
      body = ctx.bodyAsBytes();
    } catch (io.javalin.http.ContentTooLargeResponse e) {
      body = null;
    }
    if (body == null || body.length > MAX_BODY) {
      answer(ctx, event, 413, "too_large", "payload over 25 MB");
      return;
    }
    if (!signature.valid(ctx.header("X-Hub-Signature-256"), body)) {
      answer(ctx, event, 401, "bad_signature", "signature does not match");
      return;
    }
    String delivery = ctx.header("X-GitHub-Delivery");
    if (event == null || event.isBlank() || delivery == null || delivery.isBlank() || delivery.length() > 100) {
      answer(ctx, event, 400, "malformed", "X-GitHub-Event and X-GitHub-Delivery headers are required");
      return;
    }
    JsonNode payload;
    List<WorkItem> work;
    try {
      payload = json.readTree(body);
      if (payload == null) throw new WebhookEvents.MalformedPayloadException("empty body");
      work = WebhookEvents.workFor(event, payload, JobProcessor.CHECK_NAME);
    } catch (JsonProcessingException e) {
      answer(ctx, event, 400, "malformed", "body is not JSON: " + e.getOriginalMessage());
      return;
    } catch (java.io.IOException | WebhookEvents.MalformedPayloadException e) {
      answer(ctx, event, 400, "malformed", e.getMessage());
      return;
    }
    if (work.isEmpty()) {
      answer(ctx, event, 204, "ignored", null);
      return;
    }
    JobStore.Accepted accepted;
    try {
      accepted = store.accept(delivery, event, work);
    } catch (SQLException e) {
      LOG.error("delivery {}: cannot store the job: {}", delivery, e.getMessage());
      answer(ctx, event, 503, "store_error", "the job could not be stored; redeliver later");
      return;
    }
    switch (accepted) {
      case DUPLICATE:
        answer(ctx, event, 200, "duplicate", "delivery " + delivery + " was already received");
        break;
      case DEDUPLICATED:
        answer(ctx, event, 202, "deduplicated", "the same work is already queued or done");
        break;
      default:
        onQueued.run();
        answer(ctx, event, 202, "queued", "queued");
    }
  }

  private void answer(Context ctx, String event, int status, String outcome, String message) {
    metrics.delivery(event, outcome);
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
