package io.linehub.sim;

import io.linehub.ops.ConstantTime;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * Artemis security for a broker with exactly one account, which may do everything. Artemis' own in-memory
 * choices need more for the same: ActiveMQBasicSecurityManager keeps its users in the journal (a persistent
 * broker only), ActiveMQJAASSecurityManager needs a JAAS login configuration plus roles with a permission
 * for every check type, and ActiveMQSecurityManagerImpl is deprecated.
 */
final class SingleUserSecurityManager implements ActiveMQSecurityManager {

    private final String user;
    private final String password;

    SingleUserSecurityManager(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public boolean validateUser(String user, String password) {
        // both parts always compared: the time taken does not tell which one was wrong
        boolean userMatches = ConstantTime.matches(this.user, user);
        boolean passwordMatches = ConstantTime.matches(this.password, password);
        return userMatches & passwordMatches;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }
}
