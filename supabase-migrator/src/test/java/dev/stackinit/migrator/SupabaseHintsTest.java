package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupabaseHintsTest {
    @Test
    void commonSupabaseFailuresGetAdvice() {
        assertThat(SupabaseHints.forFailure("42501", "must be owner of relation users"))
                .hasValueSatisfying(h -> assertThat(h).contains("bootstrap/"));
        assertThat(SupabaseHints.forFailure("3F000", "schema \"supabase_functions\" does not exist"))
                .hasValueSatisfying(h -> assertThat(h).contains("built-in bootstrap"));
        assertThat(SupabaseHints.forFailure("42501", "permission denied for schema auth"))
                .hasValueSatisfying(h -> assertThat(h).contains("grant usage"));
        assertThat(SupabaseHints.forFailure("42P01", "relation \"auth.users\" does not exist"))
                .hasValueSatisfying(h -> assertThat(h).contains("--wait-for-table auth.users"));
        assertThat(SupabaseHints.forFailure("23505", "duplicate key")).isEmpty();
    }
}
