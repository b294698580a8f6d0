package dev.stackinit.seeder;

import static dev.stackinit.seeder.AdminCommandException.UNAUTHORIZED;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import java.util.Optional;

/**
 * How rs-init gets its rights on a node, decided on error codes, never on message text:
 *
 * <ul>
 *   <li>getCmdLineOpts without credentials answers: no access control (mongod runs without --keyFile). Fine without
 *       credentials; with credentials it is the missing keyFile (exit 3: they would protect nothing).
 *   <li>it fails with 13: access control is on. The root credentials authenticate: go on as root. They are refused
 *       (or none were given) and replSetGetStatus without credentials still answers: the localhost exception is open
 *       (no users yet, and this connection comes from mongod's own host), so root can be created. It fails with 13
 *       too: the node has users and refuses us (exit 3 with advice).
 * </ul>
 */
final class NodeAccess {
    enum Route {
        OPEN,
        AUTHENTICATED,
        LOCALHOST_EXCEPTION
    }

    record Decision(Route route, AdminPort port) {}

    private final AdminConnector connector;

    NodeAccess(AdminConnector connector) {
        this.connector = connector;
    }

    Decision decide(AdminPort anonymous, ReplicaSetRequest request) {
        Optional<Credentials> root = request.root();
        if (!accessControlOn(anonymous)) {
            if (root.isPresent()) {
                throw new InvalidInputException("mongod at " + request.target() + " runs without access control (no"
                        + " --keyFile): anyone who reaches it can read and write every database, and the credentials"
                        + " given would protect nothing. Start mongod with --keyFile (see mongo-seeder's README), or"
                        + " leave the credentials out for a local try without authentication");
            }
            return new Decision(Route.OPEN, anonymous);
        }
        if (root.isPresent()) {
            AdminPort authenticated = connector.authenticated(root.get());
            try {
                authenticated.ping();
                return new Decision(Route.AUTHENTICATED, authenticated);
            } catch (AuthenticationFailedException e) {
                if (localhostExceptionOpen(anonymous)) {
                    return new Decision(Route.LOCALHOST_EXCEPTION, anonymous);
                }
                throw new InvalidInputException("authentication as '"
                        + root.get().user() + "' (authSource "
                        + root.get().source() + ") failed on " + request.target() + ", and the node refuses commands"
                        + " without it: the password is not the one the user was created with (a volume keeps the"
                        + " root password it was created with: set that one back, or change it in mongod first), or"
                        + " the node has no users yet and this connection does not come from mongod's own host, so"
                        + " the localhost exception cannot create the first user (run rs-init where localhost is"
                        + " mongod, e.g. compose's network_mode: service:mongo, or create the user with"
                        + " MONGO_INITDB_ROOT_USERNAME/PASSWORD)");
            }
        }
        if (localhostExceptionOpen(anonymous)) {
            throw new InvalidInputException("mongod at " + request.target() + " enforces access control (--keyFile)"
                    + " and has no users yet: give the root user in --target-uri (mongodb://root@host:port/…) and its"
                    + " password (MONGO_SEEDER_TARGET_PASSWORD or --target-password-file); rs-init then creates it"
                    + " through the localhost exception");
        }
        throw new InvalidInputException("mongod at " + request.target() + " requires authentication (access control is"
                + " on and the node has users): give the root user in --target-uri (mongodb://root@host:port/…) and"
                + " its password (MONGO_SEEDER_TARGET_PASSWORD or --target-password-file)");
    }

    /** getCmdLineOpts needs a privilege that neither an unauthenticated client nor the localhost exception has. */
    private static boolean accessControlOn(AdminPort anonymous) {
        try {
            anonymous.getCmdLineOpts();
            return false;
        } catch (AdminCommandException e) {
            if (e.code() == UNAUTHORIZED) {
                return true;
            }
            throw new RejectedException("getCmdLineOpts failed: " + e.describe(), e);
        }
    }

    /** Without users, a localhost client may run replSetGetStatus; with users, an unauthenticated one gets 13. */
    private static boolean localhostExceptionOpen(AdminPort anonymous) {
        try {
            anonymous.replSetGetStatus();
            return true;
        } catch (AdminCommandException e) {
            return e.code() != UNAUTHORIZED;
        }
    }
}
