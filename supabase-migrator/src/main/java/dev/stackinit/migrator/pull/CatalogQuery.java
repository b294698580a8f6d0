package dev.stackinit.migrator.pull;

import dev.stackinit.migrator.jdbc.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs one of the catalog queries kept next to this class; every {@code ?} is the array of pulled schemas. */
final class CatalogQuery {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final List<String> schemas;

    CatalogQuery(Connection connection, List<String> schemas) {
        this.connection = connection;
        this.schemas = List.copyOf(schemas);
    }

    <T> List<T> list(String resource, RowMapper<T> mapper) throws SQLException {
        String sql = SqlResources.load(CatalogQuery.class, resource);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", schemas.toArray());
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setArray(i, array);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        }
    }

    Connection connection() {
        return connection;
    }

    static List<String> strings(ResultSet row, String column) throws SQLException {
        return strings(row.getArray(column));
    }

    static List<String> strings(ResultSet row, int column) throws SQLException {
        return strings(row.getArray(column));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }

    static List<Long> longs(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(v -> ((Number) v).longValue())
                        .toList();
    }
}
