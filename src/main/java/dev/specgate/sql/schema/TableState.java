package dev.specgate.sql.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One table as the replayed migrations left it at some point: columns and constraints. Immutable
 * once published by {@link SchemaHistory}; the replay copies it before each change.
 *
 * @param createdInChange a migration the change touched created it (so it is not an existing table)
 * @param createdIn path of the migration that created it, or {@code null} when it predates them all
 */
public record TableState(
    String name,
    Map<String, Column> columns,
    Map<String, Constraint> constraints,
    boolean createdInChange,
    String createdIn) {

  /** A column: its type as written (lower-case), nullability and default expression. */
  public record Column(String name, String type, boolean notNull, String defaultExpr) {}

  /**
   * A constraint. {@code kind} is the name of {@link dev.specgate.sql.ConstraintDef.Kind};
   * {@code validated} is false between ADD … NOT VALID and VALIDATE CONSTRAINT;
   * {@code referencedTable} is the normalized table a FOREIGN KEY points at, else null.
   */
  public record Constraint(
      String name, String kind, List<String> columns, String expression, boolean validated,
      String referencedTable) {
    public Constraint {
      columns = List.copyOf(columns);
    }

    public Constraint(String name, String kind, List<String> columns, String expression, boolean validated) {
      this(name, kind, columns, expression, validated, null);
    }

    private static final Pattern NOT_NULL_CHECK =
        Pattern.compile("^\\(*\\s*\"?([^\"\\s()]+)\"?\\s+is\\s+not\\s+null\\s*\\)*$");

    /** The column of a {@code CHECK (col IS NOT NULL)}, if this is one. */
    public Optional<String> notNullCheckColumn() {
      if (!"CHECK".equals(kind) || expression == null) return Optional.empty();
      var m = NOT_NULL_CHECK.matcher(expression.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) return Optional.empty();
      return Optional.of(m.group(1));
    }
  }

  public TableState {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
  }

  public Optional<Column> column(String name) {
    return Optional.ofNullable(columns.get(name));
  }

  public Optional<Constraint> constraint(String name) {
    return Optional.ofNullable(constraints.get(name));
  }
}
