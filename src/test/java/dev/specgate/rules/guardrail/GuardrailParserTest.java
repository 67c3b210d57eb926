package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailParserTest {

  private static Guardrail parse(String... lines) {
    return GuardrailParser.parse("spec.md", "", String.join("\n", lines) + "\n");
  }

  @Test
  void plainLabelParagraphsFollowedByLists() {
    Guardrail g = parse(
        "# Spec", "",
        "Implement only this.", "",
        "Allowed:", "- migration file", "- tests", "",
        "Do not:", "- remove `closed_at`", "- change `src/reporting/**`");
    assertThat(g.allowed()).extracting(GuardrailItem::text).containsExactly("migration file", "tests");
    assertThat(g.allowed()).extracting(GuardrailItem::line).containsExactly(6, 7);
    assertThat(g.forbidden()).extracting(GuardrailItem::text)
        .containsExactly("remove `closed_at`", "change `src/reporting/**`");
    assertThat(g.forbidden().get(0).code()).containsExactly("closed_at");
    assertThat(g.forbidden().get(1).line()).isEqualTo(11);
  }

  @Test
  void boldLabelsHeadingsAndSynonyms() {
    Guardrail g = parse(
        "**Allowed:**", "* docs", "",
        "## Must not", "", "Some intro.", "", "1. drop `accounts`", "",
        "**Forbidden:**", "- add admin editor", "",
        "### Never", "- rename `billing_pause_until`", "",
        "Don't:", "- touch `src/billing/**`");
    assertThat(g.allowed()).extracting(GuardrailItem::text).containsExactly("docs");
    assertThat(g.forbidden()).extracting(GuardrailItem::text).containsExactly(
        "drop `accounts`", "add admin editor", "rename `billing_pause_until`", "touch `src/billing/**`");
  }

  @Test
  void aLabelOnTheLastLineOfAParagraph() {
    Guardrail g = parse("Implement only the packet.", "Do not:", "- remove closed_at");
    assertThat(g.forbidden()).extracting(GuardrailItem::text).containsExactly("remove closed_at");
    assertThat(g.forbidden().get(0).line()).isEqualTo(3);
  }

  @Test
  void unrelatedListsAndParagraphsWithoutColonAreIgnored() {
    Guardrail g = parse(
        "## Goal", "- Add account_status", "",
        "Allowed changes are listed below", "- not a guardrail", "",
        "## Non-goals", "- No billing redesign");
    assertThat(g.isEmpty()).isTrue();
  }

  @Test
  void nestedLabelInsideAListItem() {
    Guardrail g = parse("- Guardrail", "  - Do not:", "    - remove `closed_at`");
    // "Do not:" here is a list item's text followed by its nested list
    assertThat(g.forbidden()).extracting(GuardrailItem::text).containsExactly("remove `closed_at`");
  }

  @Test
  void wordsMatchAcrossNamingStyles() {
    List<String> w = Words.ofIdentifier("billing_pause_until");
    assertThat(Words.ofIdentifier("billingPauseUntil")).isEqualTo(w);
    assertThat(Words.ofIdentifier("BillingPauseUntil")).isEqualTo(w);
    assertThat(Words.ofIdentifier("BILLING_PAUSE_UNTIL")).isEqualTo(w);
    assertThat(Words.ofIdentifier("billing-pause-until")).isEqualTo(w);
    assertThat(Words.ofIdentifier("HTTPServerError")).containsExactly("http", "server", "error");
    assertThat(Words.references("if (a.getBillingPauseUntil() != null)", w)).isTrue();
    assertThat(Words.references("billing_pause_untilled", w)).isFalse();
    List<String> closed = Words.ofIdentifier("closed_at");
    assertThat(Words.references("a.closedAt()", closed)).isTrue();
    assertThat(Words.references("disclosed_attribute", closed)).isFalse();
    // one-word identifiers must be the whole token
    assertThat(Words.references("accountStatus", List.of("status"))).isFalse();
    assertThat(Words.references("status = 1", List.of("status"))).isTrue();
  }
}
