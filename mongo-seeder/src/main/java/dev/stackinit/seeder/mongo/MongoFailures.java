package dev.stackinit.seeder.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.ToolException;
import dev.stackinit.errors.UnreachableException;
import java.util.function.Supplier;
import org.bson.BsonMaximumSizeExceededException;

/** Turns driver exceptions into the tool's typed failures: unreachable 4, credentials 3, refused by the server 5. */
final class MongoFailures {
    private static final int AUTHENTICATION_FAILED = 18;

    private MongoFailures() {}

    static <T> T call(String what, String server, Supplier<T> action) {
        try {
            return action.get();
        } catch (ToolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(what, server, e);
        }
    }

    static void run(String what, String server, Runnable action) {
        call(what, server, () -> {
            action.run();
            return null;
        });
    }

    /**
     * A failed login during server selection reaches us as a timeout whose description names the security exception
     * (the driver kept trying the server until the wait ran out): that is wrong credentials (3), not an unreachable
     * server (4).
     */
    private static boolean isAuthenticationTimeout(RuntimeException e) {
        return e instanceof MongoTimeoutException
                && e.getMessage() != null
                && e.getMessage().contains(MongoSecurityException.class.getName());
    }

    static RuntimeException translate(String what, String server, RuntimeException e) {
        if (e instanceof MongoSecurityException
                || e instanceof MongoCommandException command && command.getErrorCode() == AUTHENTICATION_FAILED
                || isAuthenticationTimeout(e)) {
            return new InvalidInputException(
                    "authentication failed on " + server + " (check the URI's credentials)", e);
        }
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
            return new UnreachableException(what + ": " + server + " did not answer: " + firstLine(e), e);
        }
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            var first = bulk.getWriteErrors().get(0);
            return new RejectedException(
                    what + " failed on " + server + ": " + bulk.getWriteErrors().size()
                            + " write error(s), first: code " + first.getCode() + ": " + first.getMessage(),
                    e);
        }
        if (e instanceof MongoCommandException command) {
            return new RejectedException(
                    what + " failed on " + server + ": code " + command.getErrorCode() + " "
                            + command.getErrorCodeName() + ": " + command.getErrorMessage(),
                    e);
        }
        if (e instanceof BsonMaximumSizeExceededException) {
            return new InvalidInputException(what + ": " + e.getMessage(), e);
        }
        if (e instanceof MongoException) {
            return new RejectedException(what + " failed on " + server + ": " + firstLine(e), e);
        }
        return e;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf(". Client view");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
