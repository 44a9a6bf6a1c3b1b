package org.no3rr.station.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.no3rr.station.service.InvalidRequestException;

import java.util.Arrays;

/**
 * {@code POST /api/admin/tokens/{role}/rotate}: replaces the operator's or the viewer's token and
 * ends every session of that role, e.g. when a token was shown to the wrong person or a student's
 * access should end. Operator only, as every change. {@code no3rr-station-token rotate} calls it.
 */
@Path("/api/admin/tokens")
public class TokenResource {

    /**
     * The new token (shown once here, and kept in its file), and how many sessions ended. A bearer
     * client that rotated its own token must use the new one from now on.
     */
    public record Rotation(String role, String token, String file, int sessionsEnded) {
    }

    @Inject
    AccessToken tokens;

    @Inject
    SessionStore sessions;

    @POST
    @Path("{role}/rotate")
    public Rotation rotate(@PathParam("role") String roleName) {
        Role role = Role.parse(roleName).orElseThrow(() -> new InvalidRequestException("role", "role '" + roleName
                + "' does not exist; it is one of " + Arrays.stream(Role.values()).map(Role::id).toList()));
        String token = tokens.rotate(role);
        int ended = sessions.endAll(role);
        return new Rotation(role.id(), token, tokens.file(role).toAbsolutePath().toString(), ended);
    }
}
