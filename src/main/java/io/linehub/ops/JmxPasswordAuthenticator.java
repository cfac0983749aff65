package io.linehub.ops;

import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Lets a remote JMX client in with the one configured user and password (LINEHUB_JMX_USER,
 * LINEHUB_JMX_PASSWORD), compared in constant time; anything else is a SecurityException, which the
 * client sees as a refused connection.
 */
final class JmxPasswordAuthenticator implements JMXAuthenticator {

    private final String user;
    private final String password;

    JmxPasswordAuthenticator(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2) {
            throw new SecurityException("JMX credentials required: a user name and a password");
        }
        // both parts always compared: the time taken does not tell which one was wrong
        boolean userMatches = ConstantTime.matches(user, pair[0]);
        boolean passwordMatches = ConstantTime.matches(password, pair[1]);
        if (!(userMatches & passwordMatches)) {
            throw new SecurityException("JMX authentication failed");
        }
        return new Subject(true, Set.of(new JMXPrincipal(user)), Set.of(), Set.of());
    }
}
