package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What must hold in docker-compose.yml for the init services to run in order and the stack to come up. */
class ComposeFileTest {
    private static final Set<String> CONDITIONS =
            Set.of(ComposeModel.STARTED, ComposeModel.HEALTHY, ComposeModel.COMPLETED);
    private static final Set<String> INIT = Set.of("keys", "mongo-init", "supabase-migrate");
    private static final Set<String> ALWAYS_ON = Set.of(
            "db",
            "auth",
            "rest",
            "kong",
            "meta",
            "storage",
            "studio",
            "mongo",
            "keys",
            "mongo-init",
            "supabase-migrate");
    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    private final ComposeModel raw = new ComposeModel(StackFiles.composeRaw());
    private final ComposeModel resolved = new ComposeModel(StackFiles.composeResolved());

    @Test
    void everyDependencyExistsAndStatesItsCondition() {
        Set<String> names = raw.services().keySet();
        List<String> problems = new ArrayList<>();
        for (String service : names) {
            raw.dependsOn(service).forEach((target, condition) -> {
                if (!names.contains(target)) {
                    problems.add(service + " depends on unknown service " + target);
                } else if (!CONDITIONS.contains(condition)) {
                    problems.add(service + " → " + target + ": condition '" + condition + "'");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theInitServicesAreExactlyTheToolsAndNeverRestart() {
        assertThat(raw.initServices()).containsExactlyInAnyOrderElementsOf(INIT);
        assertAll(INIT.stream().map(name -> () -> {
            JsonNode service = raw.service(name);
            assertThat(service.path("restart").asText()).as(name + " restart").isEqualTo("no");
            assertThat(service.path("deploy").path("restart_policy").isMissingNode())
                    .as(name + " deploy.restart_policy")
                    .isTrue();
            assertThat(service.has("healthcheck"))
                    .as(name + " is a one-shot, not a server")
                    .isFalse();
        }));
    }

    @Test
    void longRunningServicesRestartAndInitOnesDoNot() {
        Map<String, String> wrong = new LinkedHashMap<>();
        raw.services().forEach((name, service) -> {
            String restart = service.path("restart").asText("");
            boolean init = INIT.contains(name);
            if (init != restart.equals("no") || restart.isEmpty()) {
                wrong.put(name, restart);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void whatOthersWaitForAsHealthyHasAHealthcheck() {
        List<String> missing = new ArrayList<>();
        for (String service : raw.services().keySet()) {
            raw.dependsOn(service).forEach((target, condition) -> {
                JsonNode healthcheck = raw.service(target).path("healthcheck");
                boolean usable =
                        healthcheck.has("test") && !healthcheck.path("disable").asBoolean(false);
                if (condition.equals(ComposeModel.HEALTHY) && !usable) {
                    missing.add(service + " waits for " + target + " to be healthy, which has no healthcheck");
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyImageIsPinned() {
        Map<String, String> unpinned = new LinkedHashMap<>();
        resolved.services().forEach((name, service) -> {
            String image = service.path("image").asText("");
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            boolean tagged =
                    lastSegment.contains(":") && !lastSegment.endsWith(":latest") && !lastSegment.endsWith(":");
            if (!tagged && !DIGEST.matcher(image).matches()) {
                unpinned.put(name, image);
            }
        });
        assertThat(unpinned)
                .as("images without a version (with .env.example's values)")
                .isEmpty();
    }

    @Test
    void hostPortsAreUnique() {
        Map<String, String> owner = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        resolved.services()
                .keySet()
                .forEach(name -> resolved.hostPorts(name).forEach(port -> {
                    String previous = owner.putIfAbsent(port, name);
                    if (previous != null) {
                        clashes.add(port + ": " + previous + " and " + name);
                    }
                }));
        assertThat(owner).as("published ports").isNotEmpty();
        assertThat(clashes).isEmpty();
    }

    @Test
    void keptServicesRunByDefaultAndTheRestAreOptIn() {
        raw.services()
                .keySet()
                .forEach(name -> assertThat(raw.profiles(name).isEmpty())
                        .as(name + (ALWAYS_ON.contains(name) ? " must not be in a profile" : " must be in a profile"))
                        .isEqualTo(ALWAYS_ON.contains(name)));
        assertThat(raw.profiles("mongo-express")).containsExactly("tools");
        assertThat(raw.profiles("stackend")).containsExactly("app");
        assertThat(raw.profiles("stackweb")).containsExactly("app");
    }

    @Test
    void nothingDependsOnAServiceOfAProfileItIsNotIn() {
        List<String> problems = new ArrayList<>();
        for (String service : raw.services().keySet()) {
            for (String target : raw.dependsOn(service).keySet()) {
                List<String> targetProfiles = raw.profiles(target);
                if (!targetProfiles.isEmpty() && !targetProfiles.containsAll(raw.profiles(service))
                        || !targetProfiles.isEmpty() && raw.profiles(service).isEmpty()) {
                    problems.add(service + " depends on " + target + " of profile " + targetProfiles);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void migrationsRunAfterTheDatabaseAndAuthAreHealthy() {
        assertThat(raw.dependsOn("supabase-migrate"))
                .containsEntry("db", ComposeModel.HEALTHY)
                .containsEntry("auth", ComposeModel.HEALTHY);
        assertThat(raw.dependsOn("mongo-init")).containsEntry("mongo", ComposeModel.HEALTHY);
        // a stack with invalid keys stops at `keys`: the database and the gateway never start
        assertThat(raw.dependsOn("db")).containsEntry("keys", ComposeModel.COMPLETED);
        assertThat(raw.dependsOn("kong")).containsEntry("keys", ComposeModel.COMPLETED);
    }

    @Test
    void theAppsStartOnlyAfterEveryInitService() {
        for (String app : List.of("stackend", "stackweb")) {
            assertThat(raw.initServicesBefore(app)).as(app).containsExactlyInAnyOrderElementsOf(INIT);
            assertThat(raw.service(app).path("image").asText())
                    .as(app + " image comes from env")
                    .startsWith("${");
        }
    }

    @Test
    void mongoRunsAsAReplicaSetWithAStableNameAndACheckOnlyHealthcheck() {
        JsonNode mongo = resolved.service("mongo");
        assertThat(mongo.path("image").asText()).startsWith("mongo:");
        List<String> command = new ArrayList<>();
        mongo.path("command").forEach(c -> command.add(c.asText()));
        assertThat(String.join(" ", command)).contains("--replSet rs0");
        assertThat(mongo.path("hostname").asText()).isNotBlank();
        assertThat(mongo.path("extra_hosts").toString()).contains("host.docker.internal:host-gateway");
        assertThat(resolved.healthcheckText("mongo"))
                .contains("ping")
                .doesNotContainIgnoringCase("initiate")
                .doesNotContain("rs.")
                .doesNotContainIgnoringCase("reconfig");
        assertThat(resolved.environment("mongo-init"))
                .containsEntry("MONGO_SEEDER_SET_NAME", "rs0")
                .containsKeys("MONGO_SEEDER_TARGET_URI", "MONGO_SEEDER_MEMBER_HOST", "MONGO_SEEDER_SEED_DIR");
        assertThat(resolved.environment("mongo-init").get("MONGO_SEEDER_MEMBER_HOST"))
                .startsWith(mongo.path("hostname").asText() + ":");
    }

    @Test
    void theToolServicesBuildTheirOwnImageFromTheRepositoryDockerfile() {
        for (String init : INIT) {
            JsonNode service = raw.service(init);
            String tool = service.path("build").path("args").path("TOOL").asText();
            assertThat(StackFiles.TOOLS).as(init + " build arg TOOL").contains(tool);
            assertThat(service.path("image").asText()).as(init + " image").contains("/" + tool + ":");
            String context = service.path("build").path("context").asText();
            assertThat(StackFiles.MODULE
                            .resolve(context)
                            .resolve(service.path("build").path("dockerfile").asText())
                            .normalize())
                    .isEqualTo(StackFiles.DOCKERFILE.normalize())
                    .matches(Files::isRegularFile, "exists");
        }
    }

    @Test
    void theMigratorGetsWhatItsContractNames() {
        Map<String, String> env = resolved.environment("supabase-migrate");
        assertThat(env)
                .containsKeys(
                        "SUPABASE_MIGRATOR_DATABASE_URL",
                        "SUPABASE_MIGRATOR_ADMIN_URL",
                        "POSTGRES_PASSWORD",
                        "STACKEND_URL");
        assertThat(env.get("SUPABASE_MIGRATOR_DATABASE_URL")).startsWith("postgres://postgres:");
        assertThat(env.get("SUPABASE_MIGRATOR_ADMIN_URL")).startsWith("postgres://supabase_admin:");
        assertThat(env).containsEntry("SUPABASE_MIGRATOR_WAIT_FOR_TABLE", "auth.users");
        assertThat(raw.mountTargets("supabase-migrate", "./supabase/migrations"))
                .containsExactly(env.get("SUPABASE_MIGRATOR_MIGRATIONS_DIR"));
        assertThat(raw.mountTargets("mongo-init", "./mongo/seed"))
                .containsExactly(resolved.environment("mongo-init").get("MONGO_SEEDER_SEED_DIR"));
    }

    @Test
    void theKeysCheckReadsTheFilesTheMappingNames() {
        List<String> command = new ArrayList<>();
        raw.service("keys").path("command").forEach(c -> command.add(c.asText()));
        assertThat(command).startsWith("verify").contains("--env-file", ".env", "--mapping", "env-mapping.yml");
        assertThat(raw.mountTargets("keys", "./"))
                .containsExactly(raw.service("keys").path("working_dir").asText());
    }

    @Test
    void everyBindMountOfOursExists() {
        List<String> missing = new ArrayList<>();
        raw.services()
                .keySet()
                .forEach(name -> raw.bindSources(name).stream()
                        // written by the migrator and seeder work: checked in sampleDataForTheInitServicesExists
                        .filter(s -> !s.equals("./supabase/migrations") && !s.equals("./mongo/seed"))
                        .filter(source -> !Files.exists(StackFiles.MODULE.resolve(source)))
                        .forEach(source -> missing.add(name + ": " + source)));
        assertThat(missing).isEmpty();
    }

    @Test
    void restAndTheDatabaseGetTheJwtSettingsSupabasesComposeGivesThem() {
        Map<String, String> rest = raw.environment("rest");
        assertThat(rest)
                .containsEntry("PGRST_APP_SETTINGS_JWT_SECRET", "${JWT_SECRET}")
                .containsEntry("PGRST_APP_SETTINGS_JWT_EXP", "${JWT_EXPIRY}");
        Map<String, String> db = raw.environment("db");
        assertThat(db).containsEntry("JWT_SECRET", "${JWT_SECRET}").containsEntry("JWT_EXP", "${JWT_EXPIRY}");
        // jwt.sql turns them into app.settings.jwt_secret / jwt_exp (InitSqlIT runs it)
        assertThat(raw.mountTargets("db", "./supabase/init/jwt.sql"))
                .singleElement()
                .asString()
                .startsWith("/docker-entrypoint-initdb.d/init-scripts/");
        assertThat(StackFiles.text(StackFiles.MODULE.resolve("supabase/init/jwt.sql")))
                .contains("app.settings.jwt_secret", "app.settings.jwt_exp", "$JWT_SECRET", "$JWT_EXP");
    }

    @Test
    void theNewKeySystemIsWiredEndToEndAndOffWhileItsVariablesAreEmpty() {
        Map<String, String> off = DotEnv.read(StackFiles.ENV_EXAMPLE).values();
        Map<String, String> on = new java.util.HashMap<>(off);
        on.put("JWT_KEYS", "[{\"kty\":\"EC\"}]");
        on.put("JWT_JWKS", "{\"keys\":[{\"kty\":\"EC\"}]}");
        on.put("JWT_SECRET", "s".repeat(40));
        ComposeModel legacy = new ComposeModel(Interpolation.apply(StackFiles.composeRaw(), off));
        ComposeModel asymmetric = new ComposeModel(Interpolation.apply(StackFiles.composeRaw(), on));

        // auth signs with the ES256 key once JWT_KEYS is set; "[]" (no keys) until then
        assertThat(raw.environment("auth")).containsKey("GOTRUE_JWT_KEYS");
        assertThat(legacy.environment("auth")).containsEntry("GOTRUE_JWT_KEYS", "[]");
        assertThat(asymmetric.environment("auth")).containsEntry("GOTRUE_JWT_KEYS", on.get("JWT_KEYS"));
        // PostgREST, Storage and Realtime verify with the JWKS, which also holds JWT_SECRET
        assertThat(legacy.environment("rest")).containsEntry("PGRST_JWT_SECRET", "");
        assertThat(asymmetric.environment("rest")).containsEntry("PGRST_JWT_SECRET", on.get("JWT_JWKS"));
        assertThat(asymmetric.environment("storage")).containsEntry("JWT_JWKS", on.get("JWT_JWKS"));
        assertThat(legacy.environment("storage")).containsEntry("JWT_JWKS", "");
        assertThat(asymmetric.environment("realtime")).containsEntry("API_JWT_JWKS", on.get("JWT_JWKS"));
        assertThat(legacy.environment("realtime")).containsEntry("API_JWT_JWKS", "{\"keys\":[]}");
        // Kong gets the new keys and the JWTs it forwards for them
        assertThat(raw.environment("kong"))
                .containsEntry("SUPABASE_PUBLISHABLE_KEY", "${SUPABASE_PUBLISHABLE_KEY}")
                .containsEntry("SUPABASE_SECRET_KEY", "${SUPABASE_SECRET_KEY}")
                .containsEntry("ANON_KEY_ASYMMETRIC", "${ANON_KEY_ASYMMETRIC}")
                .containsEntry("SERVICE_ROLE_KEY_ASYMMETRIC", "${SERVICE_ROLE_KEY_ASYMMETRIC}");
        // the private signing keys reach GoTrue only
        raw.services().keySet().stream()
                .filter(name -> !name.equals("auth"))
                .forEach(name -> assertThat(
                                String.join(" ", raw.environment(name).values()))
                        .as(name)
                        .doesNotContain("${JWT_KEYS"));
    }

    @Test
    void theLegacyJwtSecretStillVerifiesWhereTheJwksIsUsed() {
        // with JWT_JWKS empty PostgREST falls back to the HS256 secret itself
        Map<String, String> env =
                new java.util.HashMap<>(DotEnv.read(StackFiles.ENV_EXAMPLE).values());
        env.put("JWT_SECRET", "a-secret-that-is-long-enough-for-postgrest");
        assertThat(new ComposeModel(Interpolation.apply(StackFiles.composeRaw(), env))
                        .environment("rest")
                        .get("PGRST_JWT_SECRET"))
                .isEqualTo(env.get("JWT_SECRET"));
    }

    @Test
    void phoneAuthAndEmailAutoconfirmComeFromTheEnvFileAndTheMailCatcherIsAProfile() {
        assertThat(raw.environment("auth"))
                .containsEntry("GOTRUE_EXTERNAL_PHONE_ENABLED", "${ENABLE_PHONE_SIGNUP}")
                .containsEntry("GOTRUE_SMS_AUTOCONFIRM", "${ENABLE_PHONE_AUTOCONFIRM}")
                .containsEntry("GOTRUE_MAILER_AUTOCONFIRM", "${ENABLE_EMAIL_AUTOCONFIRM}")
                .containsEntry("GOTRUE_SMTP_HOST", "${SMTP_HOST}");
        assertThat(raw.profiles("mail")).containsExactly("mail");
        assertThat(resolved.service("mail").path("image").asText()).startsWith("axllent/mailpit:v");
        // GoTrue's SMTP settings of .env.example point at it
        assertThat(resolved.environment("auth"))
                .containsEntry("GOTRUE_SMTP_HOST", "mail")
                .containsEntry("GOTRUE_SMTP_PORT", "1025");
        assertThat(resolved.hostPorts("mail")).isNotEmpty();
    }
}
