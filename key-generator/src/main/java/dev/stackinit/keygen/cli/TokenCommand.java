package dev.stackinit.keygen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.errors.UsageException;
import dev.stackinit.keygen.TokenMinter;
import dev.stackinit.keygen.TokenRequest;
import dev.stackinit.keygen.Vars;
import dev.stackinit.keygen.io.EnvFileStore;
import dev.stackinit.keygen.io.StackFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Mint an HS256 JWT signed with JWT_SECRET, e.g. for CI calling PostgREST or GoTrue as a user.")
final class TokenCommand implements Callable<Integer> {
    @ParentCommand
    KeyGeneratorCommand root;

    @Option(names = "--role", defaultValue = "authenticated", description = "role claim (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--sub", description = "sub claim: the user's UUID (GoTrue user endpoints need it).")
    String subject;

    @Option(names = "--email", description = "email claim.")
    String email;

    @Option(names = "--audience", description = "aud claim (default: authenticated for role authenticated, else none).")
    String audience;

    @Option(
            names = "--claim",
            split = ",",
            paramLabel = "<name=value>",
            description = "Extra claim (repeatable); a JSON value (number, true, {...}) is kept typed, else a string.")
    Map<String, String> claims = new LinkedHashMap<>();

    @Mixin
    ExpiresInOption expiresIn;

    @Mixin
    StackFilesOptions files;

    @Mixin
    JsonOption json;

    @Mixin
    JwtSecretOptions jwtSecret;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        Optional<String> given = jwtSecret.resolve();
        Path envFile = files.envFiles().isEmpty() ? null : files.envFiles().get(0);
        if (envFile != null) {
            files.awaitIdle(root.spec.commandLine().getErr());
        }
        String secret = envFile != null
                ? Optional.ofNullable(StackFiles.load(List.of(envFile), Optional.empty(), new EnvFileStore(), true)
                                .file(envFile.toAbsolutePath().normalize())
                                .values()
                                .get(Vars.JWT_SECRET))
                        .orElseThrow(() -> new UsageException(envFile + " has no JWT_SECRET"))
                : given.orElseThrow(
                        () -> new UsageException("no JWT secret: set JWT_SECRET, --jwt-secret-file or --env-file"));
        Optional<String> aud =
                Optional.ofNullable(audience).or(() -> Optional.of(role).filter("authenticated"::equals));
        TokenRequest request = new TokenRequest(
                secret,
                role,
                Optional.ofNullable(subject),
                Optional.ofNullable(email),
                aud,
                typed(claims),
                expiresIn.orElse(Duration.ofHours(1)));
        String token = new TokenMinter(root.clock()).mint(request);
        if (json.enabled()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("token", token);
            result.put("role", role);
            result.put(
                    "expires_at",
                    root.clock().instant().plus(request.expiresIn()).getEpochSecond());
            root.spec
                    .commandLine()
                    .getOut()
                    .println(SecretsOutput.JSON.valueToTree(result).toPrettyString());
        } else {
            root.spec.commandLine().getOut().println(token);
        }
        return 0;
    }

    private static Map<String, Object> typed(Map<String, String> claims) {
        Map<String, Object> typed = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            try {
                typed.put(name, SecretsOutput.JSON.readValue(value, Object.class));
            } catch (JsonProcessingException notJson) {
                typed.put(name, value);
            }
        });
        return typed;
    }
}
