package dev.stackinit.seeder.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.ToolException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** One code for a failed login in every tool: 3, however the driver reports it. */
class MongoFailuresTest {
    private static ExitCode code(RuntimeException e) {
        return ((ToolException) MongoFailures.translate("import", "localhost:27017", e)).exitCode();
    }

    @Test
    void aFailedLoginIsExitThreeInEachOfItsShapes() {
        MongoCredential credential = MongoCredential.createScramSha256Credential("app", "admin", "x".toCharArray());
        assertThat(code(new MongoSecurityException(credential, "Exception authenticating")))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(code(new MongoCommandException(
                        BsonDocument.parse("{ok: 0, code: 18, codeName: 'AuthenticationFailed', errmsg: 'bad'}"),
                        new ServerAddress())))
                .isEqualTo(ExitCode.INVALID_INPUT);
        // what server selection says after it kept failing to log in until the wait ran out
        assertThat(code(new MongoTimeoutException("Timed out while waiting for a server; client view of cluster state"
                        + " is {..., exception={com.mongodb.MongoSecurityException: Exception authenticating"
                        + " MongoCredential{mechanism=SCRAM-SHA-256, userName='app'}}}")))
                .isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void anUnreachableServerStaysExitFour() {
        assertThat(code(new MongoTimeoutException("Timed out while waiting for a server; exception={"
                        + "com.mongodb.MongoSocketOpenException: Connection refused}")))
                .isEqualTo(ExitCode.UNREACHABLE);
        assertThat(code(new MongoSocketOpenException("refused", new ServerAddress())))
                .isEqualTo(ExitCode.UNREACHABLE);
    }
}
