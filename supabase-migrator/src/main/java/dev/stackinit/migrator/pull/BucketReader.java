package dev.stackinit.migrator.pull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of storage.buckets: data, but the app's (its storage policies name the buckets), so pull writes them into
 * seed/. Every column the source has, each value as a typed SQL literal the server renders itself.
 */
final class BucketReader {
    private record Column(String sql, String type) {}

    private BucketReader() {}

    static List<Catalog.Bucket> read(ReadContext context) throws SQLException {
        List<Column> columns = context.query.list(
                "bucket-columns.sql", row -> new Column(row.getString("sql"), row.getString("type")));
        if (columns.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        for (Column column : columns) {
            values.append(values.length() == 0 ? "" : ", ")
                    .append("quote_nullable(b.")
                    .append(column.sql())
                    .append(") || ")
                    .append(SqlFile.literal("::" + column.type()));
        }
        String sql = "select b.id::text, array[" + values + "] from storage.buckets b order by b.id";
        List<String> names = columns.stream().map(Column::sql).toList();
        List<Catalog.Bucket> buckets = new ArrayList<>();
        try (PreparedStatement statement = context.query.connection().prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                buckets.add(new Catalog.Bucket(rows.getString(1), names, CatalogQuery.strings(rows, 2)));
            }
        }
        return buckets;
    }
}
