package dev.stackinit.seeder.mongo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.stackinit.seeder.AdminCommandException;
import dev.stackinit.seeder.AuthenticationFailedException;
import dev.stackinit.seeder.NotAnsweringException;
import java.lang.reflect.Proxy;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** How the driver's failures reach rs-init's decisions; the client answers every command with a scripted exception. */
class DriverAdminPortTest {
    private static final String PASSWORD = "a-password-in-a-command";

    private static DriverAdminPort failingWith(RuntimeException failure) {
        MongoDatabase database = (MongoDatabase) Proxy.newProxyInstance(
                MongoDatabase.class.getClassLoader(), new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> {
                    if (method.getName().equals("runCommand")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        MongoClient client = (MongoClient) Proxy.newProxyInstance(
                MongoClient.class.getClassLoader(), new Class<?>[] {MongoClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabase")) {
                        return database;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new DriverAdminPort(client, "mongodb://root:****@mongo:27017", "'root'");
    }

    private static MongoSecurityException refused() {
        return new MongoSecurityException(
                MongoCredential.createCredential("root", "admin", PASSWORD.toCharArray()), "Exception authenticating");
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() {
        assertThatThrownBy(() -> failingWith(refused()).ping())
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("'root'")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aSelectionTimeoutThatNamesTheSecurityExceptionIsAnAuthenticationFailureToo() {
        MongoTimeoutException timeout = new MongoTimeoutException("Timed out while waiting for a server that matches"
                + " ReadPreferenceServerSelector. Client view of cluster state is {servers=[{address=mongo:27017,"
                + " type=UNKNOWN, state=CONNECTING, exception={" + MongoSecurityException.class.getName()
                + ": Exception authenticating}}]");
        assertThatThrownBy(() -> failingWith(timeout).replSetGetStatus())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aPlainTimeoutIsAServerThatDoesNotAnswer() {
        assertThatThrownBy(() -> failingWith(new MongoTimeoutException("Timed out after 2000 ms"))
                        .ping())
                .isInstanceOf(NotAnsweringException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void commandErrorsKeepTheirCodeAndCode18IsAnAuthenticationFailure() {
        BsonDocument unauthorized =
                BsonDocument.parse("{ok: 0, code: 13, codeName: 'Unauthorized', errmsg: 'requires authentication'}");
        assertThatThrownBy(() -> failingWith(new MongoCommandException(unauthorized, new ServerAddress()))
                        .createUser("admin", "stackend", PASSWORD, new BsonArray()))
                .isInstanceOfSatisfying(
                        AdminCommandException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code())
                                .isEqualTo(13))
                .hasMessageNotContaining(PASSWORD);
        BsonDocument failed = BsonDocument.parse("{ok: 0, code: 18, codeName: 'AuthenticationFailed'}");
        assertThatThrownBy(() -> failingWith(new MongoCommandException(failed, new ServerAddress()))
                        .ping())
                .isInstanceOf(AuthenticationFailedException.class);
    }
}
