package dev.stackinit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoValuesTest {
    private final List<String> notes = new ArrayList<>();

    private Map<String, String> plan(Map<String, String> current, String appPassword, String rootPassword) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("MONGO_APP_PASSWORD", appPassword);
        values.put("MONGO_ROOT_PASSWORD", rootPassword);
        MongoValues.plan(current, values, notes);
        return values;
    }

    @Test
    void theAppUriNamesUserPasswordHostDatabaseSetAndAuthSource() {
        Map<String, String> values = plan(Map.of(), "s3cretAppPassword0123", "rootRootRootRoot12");

        assertThat(values)
                .containsEntry("MONGO_ROOT_USERNAME", "root")
                .containsEntry("MONGO_APP_USERNAME", "stackend")
                .containsEntry("MONGO_APP_DATABASE", "stackend")
                .containsEntry(
                        "MONGO_APP_URI",
                        "mongodb://stackend:s3cretAppPassword0123@mongo:27017/stackend?replicaSet=rs0&authSource=admin")
                .doesNotContainKeys("MONGO_MEMBER_HOST", "MONGO_REPLICA_SET");
        assertThat(notes).isEmpty();
    }

    @Test
    void userPasswordAndDatabaseArePercentEncodedAndDecodeBackExactly() {
        String password = "p@ss:w/rd?#%+ ü";
        Map<String, String> current = Map.of(
                "MONGO_APP_USERNAME", "app user@x",
                "MONGO_APP_DATABASE", "my db",
                "MONGO_MEMBER_HOST", "host.docker.internal:27018",
                "MONGO_REPLICA_SET", "set&1");
        String uri = plan(current, password, "r".repeat(16)).get("MONGO_APP_URI");

        assertThat(uri)
                .isEqualTo("mongodb://app%20user%40x:p%40ss%3Aw%2Frd%3F%23%25%2B%20%C3%BC@host.docker.internal:27018/"
                        + "my%20db?replicaSet=set%261&authSource=admin");
        URI parsed = URI.create(uri);
        assertThat(parsed.getUserInfo()).isEqualTo("app user@x:" + password);
        assertThat(parsed.getAuthority()).endsWith("@host.docker.internal:27018");
    }

    @Test
    void namesAndComposeSettingsThatAreSetAreKept() {
        Map<String, String> current = Map.of(
                "MONGO_ROOT_USERNAME", "admin",
                "MONGO_APP_USERNAME", "backend",
                "MONGO_APP_DATABASE", "app",
                "MONGO_MEMBER_HOST", "mongo-0.mongo:27017",
                "MONGO_REPLICA_SET", "rs1");
        Map<String, String> values = plan(current, "a".repeat(20), "b".repeat(20));

        assertThat(values).containsAllEntriesOf(current);
        assertThat(values.get("MONGO_APP_URI"))
                .isEqualTo("mongodb://backend:" + "a".repeat(20)
                        + "@mongo-0.mongo:27017/app?replicaSet=rs1&authSource=admin");
    }

    @Test
    void aStaleUriIsRebuiltWithANoteThatNamesNoValue() {
        Map<String, String> current = Map.of("MONGO_APP_URI", "mongodb://stackend:old-password-123456@mongo:27017/x");
        Map<String, String> values = plan(current, "newPasswordNewPassword", "r".repeat(16));

        assertThat(values.get("MONGO_APP_URI")).contains(":newPasswordNewPassword@");
        assertThat(notes)
                .singleElement()
                .asString()
                .startsWith("MONGO_APP_URI rebuilt from")
                .doesNotContain("old-password");
    }

    @Test
    void replacingARealRootPasswordWarnsThatTheVolumeKeepsTheOldOne() {
        plan(Map.of("MONGO_ROOT_PASSWORD", "oldRootPassword-1234"), "a".repeat(16), "newRootPassword-1234");
        assertThat(notes)
                .singleElement()
                .asString()
                .contains("MONGO_ROOT_PASSWORD replaced")
                .doesNotContain("Password-1234");

        notes.clear();
        plan(Map.of("MONGO_ROOT_PASSWORD", ""), "a".repeat(16), "newRootPassword-1234");
        assertThat(notes).as("a first fill is no replacement").isEmpty();
    }

    @Test
    void verifyWantsThePresentUriToBeTheDerivedOne() {
        Map<String, String> values = new HashMap<>(plan(Map.of(), "a".repeat(16), "b".repeat(16)));
        List<Finding> findings = new ArrayList<>();
        MongoValues.check(values, findings);
        assertThat(findings).isEmpty();

        values.put("MONGO_APP_PASSWORD", "c".repeat(16));
        MongoValues.check(values, findings);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.line()).contains("MONGO_APP_URI: does not match").doesNotContain("cccc");
        });

        findings.clear();
        values.put("MONGO_APP_URI", "");
        MongoValues.check(values, findings);
        assertThat(findings).extracting(Finding::message).containsExactly("is empty");

        findings.clear();
        MongoValues.check(Map.of(), findings);
        assertThat(findings).as("a stack without MongoDB").isEmpty();
    }

    @Test
    void onlyTheInputsAreTakenFromAnEnvironment() {
        assertThat(MongoValues.inputsFrom(
                        Map.of("MONGO_MEMBER_HOST", "m:1", "MONGO_APP_PASSWORD", "x", "HOME", "/root")))
                .containsExactly(Map.entry("MONGO_MEMBER_HOST", "m:1"));
    }
}
