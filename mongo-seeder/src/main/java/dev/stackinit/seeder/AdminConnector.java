package dev.stackinit.seeder;

/**
 * Opens {@link AdminPort}s to one mongod: without credentials (what the localhost exception and a node without access
 * control answer), or authenticated as a user. A port authenticates lazily: its first command throws
 * {@link AuthenticationFailedException} when the credentials are refused.
 */
public interface AdminConnector {
    AdminPort anonymous();

    AdminPort authenticated(Credentials credentials);

    /** Whether these credentials authenticate, on a connection of their own (to see if a password is current). */
    boolean authenticates(Credentials credentials);

    /** One port for everything, for nodes without access control (and tests of the plain decision table). */
    static AdminConnector of(AdminPort port) {
        return new AdminConnector() {
            @Override
            public AdminPort anonymous() {
                return port;
            }

            @Override
            public AdminPort authenticated(Credentials credentials) {
                return port;
            }

            @Override
            public boolean authenticates(Credentials credentials) {
                return true;
            }
        };
    }
}
