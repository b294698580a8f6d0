package dev.stackinit.provision.embedded;

/**
 * What a newcomer looks at after {@code provision --embedded}: the commands, with this run's real addresses, that show
 * the seed data, a webhook call caught by the pg_net stand-in, and the MongoDB data.
 */
public final class NextCommands {
    private NextCommands() {}

    /** With --keep-running: the three commands to run in another terminal, and how to stop. */
    public static String whileRunning(EmbeddedStack stack) {
        String psql = "psql '" + stack.postgresUrl() + "'";
        java.nio.file.Path export = stack.workDir().resolve("models-export");
        String nl = System.lineSeparator();
        return nl
                + "The stack is running. Look at it from another terminal:" + nl
                + "  # the schema and seed data the migrations made" + nl
                + "  " + psql + " -c 'select name, slug from public.organizations'" + nl
                + "  # sign up a user: its profile's webhook new_user is queued by the pg_net stand-in (not sent)" + nl
                + "  " + psql
                + " -c \"insert into auth.users (id, email, raw_user_meta_data) values (gen_random_uuid(),"
                + " 'ada@example.com', jsonb_build_object('full_name', 'Ada'))\""
                + " -c 'select method, url, body from net.http_request_queue'" + nl
                + "  # the imported " + EmbeddedStack.MODELS
                + " data in the MongoDB stand-in, exported as JSON lines (from the"
                + " repository root)" + nl
                + "  java -jar mongo-seeder/target/mongo-seeder.jar export --source-uri '"
                + stack.mongoConnectionString()
                + "' --seed-dir " + export + " && head -n 3 " + export.resolve("node_types.jsonl") + nl
                + "  # or with mongosh 1.x (mongosh 2 needs a newer wire version than the stand-in speaks):" + nl
                + "  #   npx -y mongosh@1 '" + stack.mongoUrl() + "' --eval 'db.node_types.find()'" + nl
                + "Env files: " + stack.workDir()
                + (stack.keepsWorkDir() ? " (kept)" : " (removed on Ctrl-C; keep them with --workdir DIR)") + nl
                + "Ctrl-C stops both servers and removes their data." + nl;
    }

    /** Without --keep-running (CI): everything is stopped; say how to get a stack to look at. */
    public static String afterExit(EmbeddedStack stack) {
        String nl = System.lineSeparator();
        return nl
                + "Both servers stop now"
                + (stack.keepsWorkDir() ? "; the env files stay in " + stack.workDir() : "")
                + ". To look at the stack, run it with --keep-running (pin the ports with --port and --mongo-port)."
                + nl;
    }
}
