package io.writ.workflow.bastion;

import io.writ.domain.InvalidRequest;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.bastion.BastionLogin;
import io.writ.domain.bastion.LoginDecision;
import io.writ.domain.bastion.LoginRefusal;
import io.writ.domain.bastion.LoginRefusals;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What bastions ask: may this login happen (each answer audited, each refusal kept for the security desk), and
 * which of the live sessions they hold must end because the writ that admitted them no longer stands.
 */
@ApplicationScoped
@Transactional
public class BastionDesk {

    /** The most live sessions one bastion asks about at once. */
    public static final int MAX_LIVE = 5_000;

    @Inject
    WritRepository writs;

    @Inject
    LoginRefusals refusals;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /** A session a bastion holds, with the writ that admitted it. */
    public record LiveSession(String session, String identity, String writ) {
    }

    /** A live session that must end, and why. */
    public record Ending(String session, String writ, String reason) {
    }

    /**
     * @param agent the bastion agent's account that asks
     */
    public LoginDecision decide(BastionLogin login, String agent) {
        var problems = login.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        var now = clock.instant();
        var decision = LoginDecision.decide(login, writs.activeFor(login.identity()), now);
        if (!decision.admitted()) {
            var subject = decision.writ().map(w -> "writ:" + w.id()).orElse("identity:" + login.identity());
            var where = " (account " + login.account() + (login.from() == null ? "" : ", from " + login.from()) + ")";
            refusals.save(LoginRefusal.of(login, decision, now));
            audit.record(new AuditEntry(now, agent, "bastion.login-refused", subject, decision.reason() + where));
        }
        // An admitted login writes nothing here: sshd waits for this answer, and twenty logins at once queued behind
        // each other's commits. The session it opens is audited when the bastion reports its start (SessionEvidence).
        return decision;
    }

    /** Who the bastion lets in now, and under which writ; bad names are a 400 with field errors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Writ> admissions(String bastion, Set<String> served) {
        var problems = BastionLogin.problemsOfBastion(bastion, served);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return LoginDecision.admissions(bastion, served, writs.activeOf(served), clock.instant());
    }

    /** The live sessions whose writ is no longer ACTIVE (or not this identity's): the bastion ends them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ending> toEnd(List<LiveSession> live) {
        if (live.size() > MAX_LIVE) {
            throw InvalidRequest.of("sessions", "at most " + MAX_LIVE + " live sessions per request");
        }
        var now = clock.instant();
        var endings = new ArrayList<Ending>();
        for (var s : live) {
            var writ = Optional.ofNullable(s.writ()).flatMap(writs::byId)
                    .filter(w -> w.target().equals(s.identity()));
            if (writ.isEmpty()) {
                endings.add(new Ending(s.session(), s.writ(), "no writ " + s.writ() + " of " + s.identity()));
            } else if (writ.get().state() != WritState.ACTIVE || !writ.get().isActiveAt(now)) {
                var w = writ.get();
                endings.add(new Ending(s.session(), w.id(), "writ " + w.id() + " is " + w.state()
                        + w.grant().flatMap(g -> g.revocationReason()).map(r -> " (" + r + ")").orElse("")));
            }
        }
        return endings;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoginRefusal> refusals(int max) {
        return refusals.latest(max);
    }
}
