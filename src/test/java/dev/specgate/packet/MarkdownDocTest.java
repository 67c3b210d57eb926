package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownDocTest {
  /** Seed 000's packet as plain text: "Context:" labels followed by lists, no Markdown headings. */
  static final String SEED_STYLE = """
      Feature: Account status schema migration
      Owner: Platform Data
      Status: Ready for review

      Context:
      - accounts has 18M rows.
      - status is currently inferred from closed_at and billing_pause_until.

      Goal:
      - Add account_status without blocking account writes.

      Non-goals:
      - No removal of closed_at or billing_pause_until yet.
      """;

  @Test
  void labelLinesAreSectionsWithRealLineNumbers() {
    MarkdownDoc d = MarkdownDoc.parse("spec.md", SEED_STYLE);
    Section context = d.section(SectionKind.CONTEXT).orElseThrow();
    assertEquals(5, context.line());
    assertEquals(7, context.endLine());
    assertEquals(List.of(6, 7), context.textLines().stream().map(TextLine::line).toList());
    assertEquals("accounts has 18M rows.", context.textLines().get(0).text());
    assertEquals(12, d.section(SectionKind.NON_GOALS).orElseThrow().line());
    // a multi-line paragraph of "Key: value" lines is not a label
    assertEquals(1, d.titleLine());
    assertEquals(3, d.sections().size());
  }

  @Test
  void headingSectionsNestAndTheTitleIsNotASection() {
    String text = """
        # Backfill order totals

        ## Phases

        ### 1. Expand
        Add the column.

        ### 2. Backfill
        Fill it.

        ## Rollback
        - Expand: drop the column.
        """;
    MarkdownDoc d = MarkdownDoc.parse("spec.md", text);
    assertEquals(SectionKind.OTHER, d.sections().get(0).kind());
    Section phases = d.section(SectionKind.PHASES).orElseThrow();
    assertEquals(3, phases.line());
    assertEquals(9, phases.endLine());
    List<Section> phaseSections = d.sections(SectionKind.PHASE);
    assertEquals(List.of(PhaseName.EXPAND, PhaseName.BACKFILL),
        phaseSections.stream().map(Section::phase).toList());
    assertEquals(11, d.section(SectionKind.ROLLBACK).orElseThrow().line());
  }

  @Test
  void checklistItemsContinuationLinesAndCodeBlocks() {
    String text = """
        # Tasks

        - [ ] Add nullable account_status column.
        - [x] Write idempotent
          batched backfill.
        - [X] Done too.
        - plain item

        ```sql
        -- should be fine
        UPDATE accounts SET x = 1;
        ```
        """;
    MarkdownDoc d = MarkdownDoc.parse("tasks.md", text);
    List<Block> items = d.items();
    assertEquals(4, items.size());
    assertEquals(Boolean.FALSE, items.get(0).checked());
    assertEquals("Add nullable account_status column.", items.get(0).text());
    assertEquals(Boolean.TRUE, items.get(1).checked());
    assertEquals(4, items.get(1).line());
    assertEquals(5, items.get(1).endLine());
    assertEquals("Write idempotent\nbatched backfill.", items.get(1).text());
    assertEquals(Boolean.TRUE, items.get(2).checked());
    assertEquals(null, items.get(3).checked());
    assertTrue(d.textLines().stream().noneMatch(l -> l.text().contains("should be fine")));
    Block code = d.blocks().get(d.blocks().size() - 1);
    assertEquals(Block.Type.CODE, code.type());
  }

  @Test
  void seed000PhasesUnderAPlainLine() {
    String text = """
        Non-goals:
        - No billing state redesign.

        The migration phases

        1. Expand

        Add nullable account_status and supporting index without changing application reads.

        2. Backfill

        Fill status in batches and record row counts, mismatch counts, and runtime.

        Compatibility is kept.
        """;
    Packet p = PacketTest.packet(text);
    Section phases = p.specSections(SectionKind.PHASES).get(0);
    assertEquals(4, phases.line());
    List<Phase> list = p.phases();
    assertEquals(List.of(PhaseName.EXPAND, PhaseName.BACKFILL), list.stream().map(Phase::name).toList());
    assertEquals(6, list.get(0).line());
    assertEquals(8, list.get(0).endLine());
    assertTrue(list.get(1).text().contains("Fill status in batches"));
    // a sentence that mentions a section word is not a label
    assertTrue(p.specSections(SectionKind.COMPATIBILITY).isEmpty());
  }

  @Test
  void crlfLineEndingsKeepLineNumbersAndText() {
    MarkdownDoc d = MarkdownDoc.parse("spec.md", "# T\r\n\r\n## Context\r\n- accounts has 18M rows.\r\n");
    Section c = d.section(SectionKind.CONTEXT).orElseThrow();
    assertEquals(3, c.line());
    assertEquals(new TextLine(4, "accounts has 18M rows."), c.textLines().get(0));
  }

  @Test
  void emptyAndOddInputDoesNotThrow() {
    assertEquals(1, MarkdownDoc.parse("spec.md", "").titleLine());
    assertTrue(MarkdownDoc.parse("spec.md", null).blocks().isEmpty());
    MarkdownDoc d = MarkdownDoc.parse("spec.md", "-\n- [ ]\n>\n```\nunclosed");
    assertTrue(d.blocks().size() >= 1);
  }

  @Test
  void inlineMarkdownIsRemoved() {
    assertEquals("accounts has 18M rows, see docs",
        MarkdownDoc.clean("`accounts` has **18M** rows, see [docs](http://x/y)"));
  }

  @Test
  void setextHeadingAndNoHeadingTitleLine() {
    MarkdownDoc d = MarkdownDoc.parse("spec.md", "\n\nRollback\n--------\n- Expand: drop it.\n");
    assertEquals(SectionKind.ROLLBACK, d.sections().get(0).kind());
    assertEquals(3, d.sections().get(0).line());
    assertEquals(3, d.titleLine());
    assertEquals(3, MarkdownDoc.parse("x.md", "\n\nplain text\n").titleLine());
  }
}
