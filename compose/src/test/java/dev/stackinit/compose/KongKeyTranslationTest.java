package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The API key → JWT translation of kong/kong.yml, run as Lua (LuaJ) on the config the entrypoint renders, against a
 * stand-in for the parts of Kong's PDK it calls. Which key Kong accepts at all is key-auth's credential list, checked
 * on the rendered config; what the upstream service then receives is the plugin's doing.
 */
class KongKeyTranslationTest {
    private static final String ANON_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.legacy-anon";
    private static final String SERVICE_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.legacy-service";
    private static final String PUBLISHABLE = "sb_publishable_AbCdEfGhIjKlMnOpQrStUv_12345678";
    private static final String SECRET = "sb_secret_ZyXwVuTsRqPoNmLkJiHgFe_87654321";
    private static final String ANON_ASYMMETRIC = "eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.es256-anon";
    private static final String SERVICE_ASYMMETRIC = "eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.es256-svc";
    private static final String SESSION = "Bearer eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJ1c2VyIn0.session";

    /** A request as the plugin sees it, and what it changed. */
    private record Request(Map<String, String> headers, Map<String, String> query, String credential) {
        static Request with(String credential) {
            return new Request(new LinkedHashMap<>(), new LinkedHashMap<>(), credential);
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request queryArg(String name, String value) {
            query.put(name, value);
            return this;
        }
    }

    private record Upstream(Map<String, String> headers, Map<String, String> query) {}

    private static Map<String, String> env(boolean asymmetric) {
        Map<String, String> env = new HashMap<>();
        env.put("SUPABASE_ANON_KEY", ANON_KEY);
        env.put("SUPABASE_SERVICE_KEY", SERVICE_KEY);
        env.put("SUPABASE_PUBLISHABLE_KEY", asymmetric ? PUBLISHABLE : "");
        env.put("SUPABASE_SECRET_KEY", asymmetric ? SECRET : "");
        env.put("ANON_KEY_ASYMMETRIC", asymmetric ? ANON_ASYMMETRIC : "");
        env.put("SERVICE_ROLE_KEY_ASYMMETRIC", asymmetric ? SERVICE_ASYMMETRIC : "");
        env.put("DASHBOARD_USERNAME", "supabase");
        env.put("DASHBOARD_PASSWORD", "Dashboard1");
        return env;
    }

    private static final String FAKE_KONG = """
            local request = ...
            upstream = { headers = {}, query = nil }
            kong = {
              client = { get_credential = function() return request.credential end },
              request = {
                get_header = function(name) return request.headers[string.lower(name)] end,
                get_query_arg = function(name) return request.query[name] end,
                get_query = function()
                  local copy = {}
                  for k, v in pairs(request.query) do copy[k] = v end
                  return copy
                end,
              },
              service = { request = {
                set_header = function(name, value) upstream.headers[string.lower(name)] = value end,
                set_query = function(query) upstream.query = query end,
              } },
            }
            """;

    /** Runs the plugin once, as Kong's access phase would after key-auth accepted {@code credential}. */
    private static Upstream run(boolean asymmetric, Request request) {
        String lua = KongTemplate.translation(KongTemplate.parse(KongTemplate.render(env(asymmetric))));
        Globals globals = JsePlatform.standardGlobals();
        LuaTable input = new LuaTable();
        LuaTable headers = new LuaTable();
        request.headers().forEach((k, v) -> headers.set(k.toLowerCase(java.util.Locale.ROOT), v));
        LuaTable query = new LuaTable();
        request.query().forEach(query::set);
        input.set("headers", headers);
        input.set("query", query);
        if (request.credential() != null) {
            LuaTable credential = new LuaTable();
            credential.set("key", request.credential());
            input.set("credential", credential);
        }
        globals.load(FAKE_KONG, "fake-kong").call(input);
        LuaValue result = globals.load(lua, "post-function").call();
        assertThat(result.isnil())
                .as("the chunk returns nothing, so Kong runs it on every request")
                .isTrue();
        LuaValue upstream = globals.get("upstream");
        return new Upstream(table(upstream.get("headers")), table(upstream.get("query")));
    }

    private static Map<String, String> table(LuaValue value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value.istable()) {
            LuaValue key = LuaValue.NIL;
            while (true) {
                org.luaj.vm2.Varargs next = value.next(key);
                if ((key = next.arg1()).isnil()) {
                    break;
                }
                map.put(key.tojstring(), next.arg(2).tojstring());
            }
        }
        return map;
    }

    private static List<String> credentials(JsonNode rendered, String consumer) {
        List<String> keys = new ArrayList<>();
        for (JsonNode c : rendered.path("consumers")) {
            if (c.path("username").asText().equals(consumer)) {
                c.path("keyauth_credentials")
                        .forEach(k -> keys.add(k.path("key").asText()));
            }
        }
        return keys;
    }

    @Test
    void kongAcceptsThePublishableAndSecretKeysOnlyOnceTheyAreSet() {
        JsonNode asymmetric = KongTemplate.parse(KongTemplate.render(env(true)));
        assertThat(credentials(asymmetric, "anon")).containsExactly(ANON_KEY, PUBLISHABLE);
        assertThat(credentials(asymmetric, "service_role")).containsExactly(SERVICE_KEY, SECRET);
        // a forged key is no credential: key-auth answers 401 before anything else runs
        assertThat(credentials(asymmetric, "anon")).doesNotContain("sb_publishable_forgedforgedforgedforg_00000000");

        JsonNode legacy = KongTemplate.parse(KongTemplate.render(env(false)));
        assertThat(credentials(legacy, "anon")).containsExactly(ANON_KEY);
        assertThat(credentials(legacy, "service_role")).containsExactly(SERVICE_KEY);
    }

    @Test
    void thePublishableKeyIsForwardedAsTheAnonJwt() {
        assertThat(run(true, Request.with(PUBLISHABLE).header("apikey", PUBLISHABLE))
                        .headers())
                .containsExactly(Map.entry("authorization", "Bearer " + ANON_ASYMMETRIC));
        // supabase-js also copies the key into Authorization when nobody is signed in
        assertThat(run(true, Request.with(PUBLISHABLE).header("Authorization", "Bearer " + PUBLISHABLE))
                        .headers())
                .containsEntry("authorization", "Bearer " + ANON_ASYMMETRIC);
    }

    @Test
    void theSecretKeyIsForwardedAsTheServiceRoleJwt() {
        assertThat(run(true, Request.with(SECRET).header("Authorization", "Bearer " + SECRET))
                        .headers())
                .containsExactly(Map.entry("authorization", "Bearer " + SERVICE_ASYMMETRIC));
    }

    @Test
    void aSignedInUsersSessionAndStudiosBasicAuthPassUntouched() {
        assertThat(run(true, Request.with(PUBLISHABLE).header("Authorization", SESSION))
                        .headers())
                .isEmpty();
        assertThat(run(false, Request.with(ANON_KEY).header("Authorization", SESSION))
                        .headers())
                .isEmpty();
        assertThat(run(true, Request.with(null).header("Authorization", "Basic c3VwYWJhc2U6eA=="))
                        .headers())
                .isEmpty();
        assertThat(run(true, Request.with(null)).headers()).isEmpty();
    }

    @Test
    void aLegacyKeyIsItsOwnJwtInBothModes() {
        for (boolean asymmetric : List.of(false, true)) {
            assertThat(run(asymmetric, Request.with(SERVICE_KEY)).headers())
                    .as("asymmetric " + asymmetric)
                    .containsExactly(Map.entry("authorization", "Bearer " + SERVICE_KEY));
        }
    }

    @Test
    void onRoutesWithoutKeyAuthOnlyTheExactKeysTranslate() {
        // Storage: no key-auth, so no credential; the apikey header decides
        assertThat(run(true, Request.with(null).header("apikey", PUBLISHABLE)).headers())
                .containsExactly(Map.entry("authorization", "Bearer " + ANON_ASYMMETRIC));
        String forged = "sb_publishable_forgedforgedforgedforg_00000000";
        assertThat(run(true, Request.with(null).header("apikey", forged).header("Authorization", "Bearer " + forged))
                        .headers())
                .isEmpty();
        // with the new keys unset nothing sb_ is ever translated, not even an empty comparison
        assertThat(run(false, Request.with(null).header("apikey", PUBLISHABLE)).headers())
                .isEmpty();
        assertThat(run(false, Request.with(null).header("apikey", "")).headers())
                .isEmpty();
    }

    @Test
    void realtimesQueryApikeyIsReplacedAndSentAsXApiKey() {
        Upstream upstream = run(
                true, Request.with(PUBLISHABLE).queryArg("apikey", PUBLISHABLE).queryArg("vsn", "1"));
        assertThat(upstream.query()).containsEntry("apikey", ANON_ASYMMETRIC).containsEntry("vsn", "1");
        assertThat(upstream.headers())
                .containsEntry("x-api-key", ANON_ASYMMETRIC)
                .containsEntry("authorization", "Bearer " + ANON_ASYMMETRIC);
    }
}
