package dev.stackinit.migrator.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The normalised catalog of some schemas (see catalog-snapshot.sql), one line per fact, sorted. */
public final class CatalogSnapshot {
    private CatalogSnapshot() {}

    public static List<String> take(Connection connection, List<String> schemas) throws SQLException, IOException {
        String sql;
        try (InputStream in = CatalogSnapshot.class.getResourceAsStream("/pull/catalog-snapshot.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path = ''");
        }
        List<String> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setArray(i, connection.createArrayOf("text", schemas.toArray()));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("reset search_path");
        }
        return lines;
    }
}
