package dev.specgate.sql;

import java.util.List;

/**
 * A table constraint: {@code ADD CONSTRAINT name …} or a table-level constraint in CREATE TABLE.
 *
 * @param name normalized name, or {@code null} when unnamed
 * @param columns normalized column names (the key for PK/UNIQUE/FK, the column of a NOT NULL)
 * @param referencedTable for FOREIGN KEY, else {@code null}
 * @param expression the CHECK expression as written (without the outer CHECK), else {@code null}
 * @param usingIndex for {@code … USING INDEX idx}: the index name, else {@code null}
 * @param referencedColumns for FOREIGN KEY, the referenced columns as written (normalized); empty
 *     when the constraint names none (PostgreSQL then takes the referenced table's primary key)
 */
public record ConstraintDef(
    String name,
    Kind kind,
    List<String> columns,
    String referencedTable,
    String expression,
    String usingIndex,
    List<String> referencedColumns) {

  public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, NOT_NULL }

  public ConstraintDef {
    columns = List.copyOf(columns == null ? List.of() : columns);
    referencedColumns = List.copyOf(referencedColumns == null ? List.of() : referencedColumns);
  }
}
