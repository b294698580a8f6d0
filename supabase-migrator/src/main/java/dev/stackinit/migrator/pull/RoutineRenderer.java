package dev.stackinit.migrator.pull;

/** SQL for functions (the server's own pg_get_functiondef) and triggers (pg_get_triggerdef). */
final class RoutineRenderer {
    private final GrantRenderer grants;

    RoutineRenderer(GrantRenderer grants) {
        this.grants = grants;
    }

    static String definition(Catalog.Function function) {
        return new SqlFile().statement(function.definition()).text();
    }

    /** Privileges and comment; in the definition's file, or apart for a BEGIN ATOMIC body (see PullPlanner). */
    String privileges(Catalog.Function function) {
        String kind = function.procedure() ? "PROCEDURE" : "FUNCTION";
        SqlFile file = new SqlFile();
        grants.exact(file, kind, function.name().sql(), function.grants());
        file.comment(kind + " " + function.name().sql(), function.comment());
        return file.text();
    }

    static String trigger(Catalog.Trigger trigger) {
        SqlFile file = new SqlFile();
        file.statement(trigger.definition());
        String on = " TRIGGER " + trigger.sql() + " ON " + trigger.table().sql();
        String alter = "ALTER TABLE " + trigger.table().sql();
        switch (trigger.enabled()) {
            case 'D' -> file.statement(alter + " DISABLE TRIGGER " + trigger.sql());
            case 'R' -> file.statement(alter + " ENABLE REPLICA TRIGGER " + trigger.sql());
            case 'A' -> file.statement(alter + " ENABLE ALWAYS TRIGGER " + trigger.sql());
            default -> {
                // 'O': enabled, what CREATE TRIGGER gives
            }
        }
        file.comment(on.strip(), trigger.comment());
        return file.text();
    }

    static String rule(Catalog.Rule rule) {
        SqlFile file = new SqlFile();
        file.statement(rule.definition().strip().replaceAll(";$", ""));
        String alter = "ALTER TABLE " + rule.table().sql();
        switch (rule.enabled()) {
            case 'D' -> file.statement(alter + " DISABLE RULE " + rule.sql());
            case 'R' -> file.statement(alter + " ENABLE REPLICA RULE " + rule.sql());
            case 'A' -> file.statement(alter + " ENABLE ALWAYS RULE " + rule.sql());
            default -> {
                // 'O': enabled, what CREATE RULE gives
            }
        }
        file.comment("RULE " + rule.sql() + " ON " + rule.table().sql(), rule.comment());
        return file.text();
    }
}
