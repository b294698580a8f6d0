package dev.stackinit.migrator.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** clean's host check reads the URL the way the driver does, so no spelling of a remote host gets past it. */
class LocalOnlyTest {
    /** A resolver with a fixed table: no DNS in unit tests. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host.toLowerCase(java.util.Locale.ROOT)) {
            case "localhost" ->
                new InetAddress[] {
                    InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), InetAddress.getByName("::1")
                };
            case "db-alias" -> new InetAddress[] {InetAddress.getByAddress("db-alias", new byte[] {127, 0, 0, 2})};
            case "other-host" -> new InetAddress[] {InetAddress.getByAddress("other-host", new byte[] {10, 0, 0, 7})};
            case "split-brain" ->
                new InetAddress[] {
                    InetAddress.getByAddress("split-brain", new byte[] {127, 0, 0, 1}),
                    InetAddress.getByAddress("split-brain", new byte[] {10, 0, 0, 8})
                };
            default -> {
                if (host.matches("[0-9.:a-fA-F]+")) {
                    yield new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
        };
    }

    private final LocalOnly local = new LocalOnly(LocalOnlyTest::resolve, Map.of());

    private void check(String url) {
        local.check(DatabaseUrl.parse(url, "pw"), "clean");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgres://postgres@localhost:5432/postgres",
                "postgres://postgres@127.0.0.1/postgres",
                "postgres://postgres@[::1]:5432/postgres",
                "jdbc:postgresql://localhost/postgres",
                "jdbc:postgresql://LOCALHOST:5433/postgres?sslmode=disable",
                "postgres://postgres@db-alias/postgres",
                "postgres://postgres@localhost,127.0.0.1/postgres",
                "jdbc:postgresql://other-host/db?PGHOST=localhost",
                "postgres://postgres@/postgres",
                "postgres://postgres@127.9.9.9/postgres"
            })
    void loopbackHostsPass(String url) {
        assertThatCode(() -> check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // the case the audit found: the query's PGHOST wins over the URL's host
                "jdbc:postgresql://localhost:5432/db?PGHOST=other-host | host other-host is 10.0.0.7",
                "postgres://postgres@localhost/db?PGHOST=other-host | host other-host",
                "jdbc:postgresql://localhost/db?host=other-host | host other-host",
                "jdbc:postgresql://localhost/db?Host=other-host | host other-host",
                "jdbc:postgresql://localhost/db?HOST=other-host | host other-host",
                "jdbc:postgresql://localhost/db?PGHOST=localhost&PGHOST=other-host | host other-host",
                "jdbc:postgresql://localhost/db?PGHOST=localhost,other-host&PGPORT=5432,5432 | host other-host",
                "jdbc:postgresql://localhost/db?hostaddr=10.0.0.9 | host 10.0.0.9",
                "jdbc:postgresql://localhost/db?PGHOSTADDR=10.0.0.9 | host 10.0.0.9",
                "jdbc:postgresql://localhost/db?pghost=other-host | host other-host",
                "postgres://postgres@localhost,other-host/db | host other-host",
                "postgres://postgres@other-host/db | host other-host",
                "postgres://postgres@10.1.2.3/db | host 10.1.2.3",
                "postgres://postgres@0.0.0.0/db | host 0.0.0.0",
                "postgres://postgres@split-brain/db | host split-brain is 10.0.0.8",
                "postgres://postgres@unknown-name/db | does not resolve",
                "postgres://postgres@[fe80::1]/db | not this machine",
                "postgres://postgres@[::ffff:10.0.0.1]/db | not this machine",
                "jdbc:postgresql://localhost/db?socketFactory=javax.net.ssl.SSLSocketFactory | sets socketFactory",
                "jdbc:postgresql://localhost/db?socketFactoryArg=x | sets socketFactoryArg",
                "jdbc:postgresql://localhost/db?host=/var/run/postgresql | Unix socket folder",
                "jdbc:postgresql://localhost/db?host=%20 | empty host name",
            })
    void everySpellingOfARemoteHostIsRefused(String url, String reason) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("clean refused: ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("pw");
    }

    @Test
    void aServiceFileCannotMoveTheHostBecauseTheUrlsHostWins(@TempDir Path dir) throws IOException {
        // the driver ranks a service's host below the URL's; the URL we build always names one
        Path services = dir.resolve("pg_service.conf");
        Files.writeString(services, "[remote]\nhost=other-host\nport=5432\ndbname=db\n");
        String previous = System.getProperty("org.postgresql.pgservicefile");
        System.setProperty("org.postgresql.pgservicefile", services.toString());
        try {
            DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/db?service=remote", "pw");
            assertThat(local.hosts(url, "clean")).containsExactly("localhost");
            assertThatCode(() -> local.check(url, "clean")).doesNotThrowAnyException();
        } finally {
            if (previous == null) {
                System.clearProperty("org.postgresql.pgservicefile");
            } else {
                System.setProperty("org.postgresql.pgservicefile", previous);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://localhost/db?service=nowhere",
                "jdbc:postgresql://localhost/db?PGPORT=5432,5433",
                "jdbc:postgresql://localhost/db?PGPORT=abc",
                "jdbc:postgresql://localhost/db?port=99999",
            })
    void urlsTheDriverCannotReadAreInvalidBeforeAnyCheck(String url) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("invalid database URL: the PostgreSQL driver cannot read");
    }

    @Test
    void aJvmWideSocksProxyIsRefused() {
        LocalOnly proxied = new LocalOnly(LocalOnlyTest::resolve, Map.of("socksProxyHost", "proxy.example"));
        assertThatThrownBy(() -> proxied.check(DatabaseUrl.parse("postgres://localhost/db", null), "reset"))
                .hasMessageStartingWith("reset refused: a SOCKS proxy");
    }

    @Test
    void withoutConfirmationNothingElseIsAsked() {
        assertThatThrownBy(() -> Cleaner.refuseUnlessAllowed(
                        DatabaseUrl.parse("postgres://other-host/db", null), false, "reset", local))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("reset drops every object")
                .hasMessageContaining("--i-understand");
    }

    @Test
    void theRealResolverKnowsLocalhost() {
        assertThatCode(() -> LocalOnly.system().check(DatabaseUrl.parse("postgres://localhost/db", null), "clean"))
                .doesNotThrowAnyException();
    }
}
