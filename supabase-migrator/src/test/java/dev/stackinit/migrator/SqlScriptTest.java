package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void concurrentIndexesAreDetectedAsNonTransactional() {
        SqlScript script = SqlScript.parse("create table t (a int);\ncreate index  concurrently i on t (a);", "f.sql");
        assertThat(script.transactional()).isFalse();
        assertThat(script.nonTransactionalReason())
                .hasValueSatisfying(r -> assertThat(r).contains("line 2"));
        assertThat(SqlScript.parse("vacuum t;", "f.sql").transactional()).isFalse();
    }

    @Test
    void ordinaryDdlIsTransactional() {
        SqlScript script = SqlScript.parse("create index i on t (a); alter type e add value 'x';", "f.sql");
        assertThat(script.transactional()).isTrue();
        assertThat(script.asAdmin()).isFalse();
    }

    @Test
    void markersChooseNoTransactionAndTheAdminConnection() {
        SqlScript script = SqlScript.parse(
                "-- migrator:no-transaction\n-- migrator:as-admin\nalter type e add value 'x';" + "\nselect 'x'::e;",
                "f.sql");
        assertThat(script.transactional()).isFalse();
        assertThat(script.asAdmin()).isTrue();
    }

    @Test
    void transactionControlIsDroppedWithAWarning() {
        SqlScript script = SqlScript.parse("begin;\ncreate table t (a int);\ncommit;", "tables/1_t.sql");
        assertThat(script.texts()).containsExactly("create table t (a int)");
        assertThat(script.warnings()).hasSize(2).first().asString().contains("tables/1_t.sql:1: ignored BEGIN");
    }

    @Test
    void doBlocksWithBeginAreKept() {
        SqlScript script = SqlScript.parse("do $$ begin perform 1; end $$;", "f.sql");
        assertThat(script.statements()).hasSize(1);
        assertThat(script.warnings()).isEmpty();
    }
}
