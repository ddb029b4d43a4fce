package io.writ.web.api;

import io.writ.domain.bastion.BastionLogin;
import io.writ.domain.bastion.LoginRefusal;
import io.writ.domain.writ.Writ;
import io.writ.web.security.PortalRole;
import io.writ.workflow.bastion.BastionDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bastion agents ask whether a login may happen and which of their live sessions must end; security reads the
 * refused logins.
 */
@Path("v1/bastion")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bastions")
public class BastionResource {

    private static final int REFUSALS_SHOWN = 200;

    @Inject
    BastionDesk desk;

    @Context
    SecurityContext security;

    /** A login a bastion asks about. */
    public record LoginBody(String bastion, String identity, String account, String from, List<String> served) {
    }

    /** The sessions a bastion holds. */
    public record LiveBody(List<BastionDesk.LiveSession> sessions) {
    }

    /** A refused login, for the security desk. */
    public record RefusalView(String bastion, String identity, String account, String from, Instant at,
                              String reason) {
        static RefusalView of(LoginRefusal r) {
            return new RefusalView(r.bastion(), r.identity(), r.account(), r.from(), r.at(), r.reason());
        }
    }

    @POST
    @Path("logins")
    @RolesAllowed(PortalRole.BASTION_AGENT)
    @Operation(summary = "May this login happen? Only under an ACTIVE writ for a served entitlement whose targets "
            + "name the bastion",
            description = "Answers {admitted, writ, entitlement, coverage, until, reason}; a refusal is kept for the "
                    + "security desk. Bad input is a 400 with field errors.")
    public Map<String, Object> login(LoginBody body) {
        var login = body == null ? new BastionLogin(null, null, null, null, null)
                : new BastionLogin(body.bastion(), body.identity(), body.account(), body.from(),
                body.served() == null ? null : new LinkedHashSet<>(body.served()));
        var decision = desk.decide(login, security.getUserPrincipal().getName());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("admitted", decision.admitted());
        decision.writ().ifPresent(w -> answer.putAll(opening(w)));
        answer.put("reason", decision.reason());
        return answer;
    }

    @GET
    @Path("admissions")
    @RolesAllowed(PortalRole.BASTION_AGENT)
    @Operation(summary = "Who this bastion lets in now: for each identity, the writ a login would be admitted under",
            description = "Answers {at, admissions:[{identity, writ, entitlement, coverage, until}]}, as the login "
                    + "question would decide it at that instant. The agent asks every moment and admits a login "
                    + "the list names without asking; what it does not name is asked (and a refusal kept). Bad "
                    + "names are a 400 with field errors.")
    public Map<String, Object> admissions(@QueryParam("bastion") String bastion,
                                          @QueryParam("served") List<String> served) {
        var at = Instant.now();
        var admissions = desk.admissions(bastion, served == null ? Set.of() : new LinkedHashSet<>(served));
        var list = admissions.entrySet().stream().map(e -> {
            var one = new LinkedHashMap<String, Object>();
            one.put("identity", e.getKey());
            one.putAll(opening(e.getValue()));
            return one;
        }).toList();
        return Map.of("at", at.toString(), "admissions", list);
    }

    /** The writ a login is admitted under, as the agent needs it. */
    private static Map<String, Object> opening(Writ w) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("writ", w.id());
        answer.put("entitlement", w.entitlement());
        answer.put("coverage", w.sessionCoverage().map(Enum::name).orElse("FULL"));
        answer.put("until", w.grant().orElseThrow().windowEnd().toString());
        return answer;
    }

    @POST
    @Path("live")
    @RolesAllowed(PortalRole.BASTION_AGENT)
    @Operation(summary = "Which of these live sessions must end: their writ is no longer ACTIVE",
            description = "Answers {end:[{session, writ, reason}]}; the agent cuts those sessions off and reports "
                    + "each as a SESSION_TERMINATED event.")
    public Map<String, Object> live(LiveBody body) {
        var sessions = body == null || body.sessions() == null ? List.<BastionDesk.LiveSession>of() : body.sessions();
        return Map.of("end", desk.toEnd(sessions));
    }

    @GET
    @Path("refusals")
    @RolesAllowed(PortalRole.SECURITY)
    @Operation(summary = "Logins bastions refused because no writ opened them, newest first")
    public List<RefusalView> refusals() {
        return desk.refusals(REFUSALS_SHOWN).stream().map(RefusalView::of).toList();
    }
}
