package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndKeepsStartLines() {
        List<SqlStatement> statements = SqlSplitter.split("-- header; not a statement\n"
                + "create table a (x int);\n\n"
                + "/* block; /* nested; */ still */\n"
                + "insert into a values (1)  ;  insert into a values (2)\n");

        assertThat(statements)
                .containsExactly(
                        new SqlStatement("create table a (x int)", 2),
                        new SqlStatement("insert into a values (1)", 5),
                        new SqlStatement("insert into a values (2)", 5));
    }

    @Test
    void semicolonsInsideQuotesAndDollarQuotesStay() {
        String function = "create function f() returns text language plpgsql as $body$\n"
                + "begin\n  return 'a;b' || $$c;d$$;\nend;\n$body$";
        List<SqlStatement> statements =
                SqlSplitter.split("select 'x;y', \"we;ird\", E'it\\'s;';\n" + function + ";\n" + "select $1;");

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0).sql()).isEqualTo("select 'x;y', \"we;ird\", E'it\\'s;'");
        assertThat(statements.get(1).sql()).isEqualTo(function);
        assertThat(statements.get(1).line()).isEqualTo(2);
        assertThat(statements.get(2).line()).isEqualTo(7);
    }

    @Test
    void sqlStandardFunctionBodiesStayWhole() {
        String body = "create function add(a int, b int) returns int language sql begin atomic\n"
                + "  select case when a > 0 then a + b else b end;\n  select 1;\nend";
        List<SqlStatement> statements = SqlSplitter.split(body + ";\nselect 2;");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(body, "select 2");
    }

    @Test
    void aPositionMapsToItsFileLine() {
        SqlStatement statement = new SqlStatement("create table t (\n  a int,\n  b nope\n)", 10);
        assertThat(statement.lineOfPosition(statement.sql().indexOf("nope") + 1))
                .isEqualTo(12);
        assertThat(statement.lineOfPosition(0)).isEqualTo(10);
    }

    @Test
    void onlyCommentsMeansNoStatements() {
        assertThat(SqlSplitter.split("-- nothing\n/* here */\n")).isEmpty();
    }
}
