package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.InvalidInputException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Supabase flavour: fail early, with advice, on a database that is not a Supabase one; warn about what webhooks need. */
public final class Prerequisites {
    static final String HTTP_POST = "net.http_post(text,jsonb,jsonb,jsonb,integer)";

    private Prerequisites() {}

    /** @return warnings */
    public static List<String> check(Connection c, boolean webhooksPending) {
        List<String> missing = Jdbc.list(
                c,
                "select r from unnest(array['anon','authenticated','service_role']) r"
                        + " where not exists (select 1 from pg_roles where rolname = r)",
                rs -> rs.getString(1));
        if (!missing.isEmpty()) {
            throw new InvalidInputException("this does not look like a Supabase database: role(s) "
                    + String.join(", ", missing) + " missing. Point --database-url at Supabase's db service, or use"
                    + " --flavor plain for plain PostgreSQL");
        }
        List<String> warnings = new ArrayList<>();
        String user = Jdbc.text(c, "select current_user");
        if (!user.equals("postgres")) {
            warnings.add("connected as " + user + ": Supabase expects migrations as postgres, so Studio and the CLI"
                    + " can alter the objects later");
        }
        boolean pgNet = Jdbc.bool(c, "select to_regprocedure(?) is not null", HTTP_POST);
        if (!pgNet && webhooksPending) {
            warnings.add("pg_net is not installed (no " + HTTP_POST + "): webhooks will be created but send nothing;"
                    + " the supabase/postgres image ships it");
        }
        return warnings;
    }
}
