package dev.stackinit.migrator.pull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The options of an identity column's sequence, written only where they differ from PostgreSQL's defaults. */
final class IdentityOptions {
    private IdentityOptions() {}

    static String render(ResultSet row) throws SQLException {
        String table = row.getString("table_name");
        String column = row.getString("sql").replace("\"", "");
        long increment = row.getLong("seqincrement");
        long min = row.getLong("seqmin");
        long max = row.getLong("seqmax");
        long typeMax = typeMax(row.getString("type"));
        long defaultMin = increment > 0 ? 1 : -typeMax - 1;
        long defaultMax = increment > 0 ? typeMax : -1;
        long defaultStart = increment > 0 ? min : max;
        List<String> options = new ArrayList<>();
        if (!(table + "_" + column + "_seq").equals(row.getString("seq_name"))) {
            options.add("SEQUENCE NAME " + row.getString("seq_sql"));
        }
        if (row.getLong("seqstart") != defaultStart) {
            options.add("START WITH " + row.getLong("seqstart"));
        }
        if (increment != 1) {
            options.add("INCREMENT BY " + increment);
        }
        if (min != defaultMin) {
            options.add("MINVALUE " + min);
        }
        if (max != defaultMax) {
            options.add("MAXVALUE " + max);
        }
        if (row.getLong("seqcache") != 1) {
            options.add("CACHE " + row.getLong("seqcache"));
        }
        if (row.getBoolean("seqcycle")) {
            options.add("CYCLE");
        }
        return String.join(" ", options);
    }

    private static long typeMax(String type) {
        return switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }
}
