package io.quiver.shell.internal;

import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;

/** Who runs a command: the user the shell session logged in as (Karaf's JAAS subject), for the log and the audit trail. */
final class ShellUser {
    private ShellUser() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 hands the session's subject to commands through the access control context
    static String name() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if (p.getClass().getSimpleName().equals("UserPrincipal")) {
                    return p.getName();
                }
            }
        }
        return System.getProperty("user.name", "unknown");
    }

    /** Whether the session's user has {@code role} (Karaf's JAAS role principals). */
    @SuppressWarnings("removal")
    static boolean hasRole(String role) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return false;
        }
        for (Principal p : subject.getPrincipals()) {
            if (p.getClass().getSimpleName().equals("RolePrincipal") && p.getName().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
