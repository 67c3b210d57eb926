package dev.specgate.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.sql.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeChangeTest {

  @ParameterizedTest(name = "{0} -> {1} in place")
  @CsvSource(delimiter = '|', value = {
      "varchar(80)|text",
      "varchar(80)|varchar(120)",
      "character varying(10)|varchar(32)",
      "varchar(80)|varchar",
      "text|varchar",
      "text|character varying",
      "numeric(10,2)|numeric(14,2)",
      "numeric(10,2)|numeric",
      "decimal(10,2)|numeric(12,2)",
      "cidr|inet",
      "int|integer",
      "int4|integer",
      "serial|integer",
      "bigserial|int8",
      "timestamp without time zone|timestamp",
      "varbit(8)|varbit(16)"})
  void inPlace(String from, String to) {
    assertThat(TypeChange.isInPlace(from, to, null, Dialect.POSTGRES)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1} rewrites")
  @CsvSource(delimiter = '|', value = {
      "integer|bigint",
      "int|int8",
      "varchar(80)|varchar(20)",
      "varchar|varchar(20)",
      "text|varchar(255)",
      "text|integer",
      "numeric(10,2)|numeric(10,4)",
      "numeric|numeric(10,2)",
      "numeric(10,2)|numeric(8,2)",
      "timestamp|timestamptz",
      "char(10)|varchar(10)",
      "varchar(10)[]|text",
      "smallint|integer"})
  void rewrites(String from, String to) {
    assertThat(TypeChange.isInPlace(from, to, null, Dialect.POSTGRES)).isFalse();
  }

  @ParameterizedTest(name = "USING forces a rewrite")
  @CsvSource(delimiter = '|', value = {"varchar(10)|text|lower(x)"})
  void usingRewrites(String from, String to, String using) {
    assertThat(TypeChange.isInPlace(from, to, using, Dialect.POSTGRES)).isFalse();
  }

  @ParameterizedTest(name = "mysql {0} -> {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "varchar(40)|varchar(80)|true",
      "varchar(40)|text|false",
      "int|bigint|false",
      "boolean|tinyint(1)|true",
      "integer|int|true"})
  void mysql(String from, String to, boolean inPlace) {
    assertThat(TypeChange.isInPlace(from, to, null, Dialect.MYSQL)).isEqualTo(inPlace);
  }
}
