package dev.handoff.web;

import dev.handoff.admin.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** Who is calling, for the audit: the authenticated user, else the remote address, else anonymous. */
final class Callers {

    private Callers() {
    }

    static Actor actor(SecurityContext security, HttpServletRequest request) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal != null) {
            return Actor.user(principal.getName());
        }
        String address = request == null ? null : request.getRemoteAddr();
        return address == null || address.isBlank() ? Actor.anonymous() : Actor.address(address);
    }
}
