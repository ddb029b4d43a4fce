package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.audit.ChainBreak;
import io.writ.domain.audit.Checkpoint;
import io.writ.domain.audit.CheckpointSeal;
import io.writ.domain.audit.Verdict;
import io.writ.web.security.PortalRole;
import io.writ.workflow.audit.AuditDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * The tamper-evident audit trail: verify the chain, and fetch the signed checkpoints with the public key so an auditor
 * can check them offline.
 */
@Path("v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed({PortalRole.SECURITY, PortalRole.COMPLIANCE})
public class AuditResource {

    static final int MAX_CHECKPOINTS = 100;

    /** The first broken record: its place, its id (none when it is missing), what is wrong. */
    public record BrokenRecordView(long seq, Long id, String problem, String detail) {
        static BrokenRecordView of(ChainBreak b) {
            return new BrokenRecordView(b.seq(), b.recordId(), b.flaw().name(), b.explanation());
        }
    }

    /** A signed checkpoint and the exact text that was signed (UTF-8), for {@code openssl pkeyutl -verify}. */
    public record CheckpointView(long seq, String hash, Instant at, String signature, String signedText) {
        static CheckpointView of(Checkpoint c) {
            return new CheckpointView(c.seq(), c.hash(), c.at(), c.signature(), c.signedText());
        }
    }

    /** {@code firstBrokenRecord} only when the chain is not intact; {@code lastCheckpoint} once one is signed. */
    public record VerificationView(boolean valid, long records, int checkpointsChecked,
                                   BrokenRecordView firstBrokenRecord, CheckpointView lastCheckpoint) {
        static VerificationView of(Verdict v) {
            return new VerificationView(v.valid(), v.records(), v.checkpointsChecked(),
                    v.firstBroken().map(BrokenRecordView::of).orElse(null),
                    v.lastCheckpoint().map(CheckpointView::of).orElse(null));
        }
    }

    public record CheckpointsView(String algorithm, String publicKey, String publicKeyPem,
                                  List<CheckpointView> checkpoints) {
    }

    @Inject
    AuditDesk desk;

    @Context
    SecurityContext security;

    @GET
    @Path("verify")
    @Operation(summary = "Walk the whole hash chain and its signed checkpoints: whether the trail is intact, or its "
            + "first broken record (changed, missing, reordered, or contradicting a checkpoint)")
    public VerificationView verify() {
        return VerificationView.of(desk.verify(security.getUserPrincipal().getName()));
    }

    @GET
    @Path("checkpoints")
    @Operation(summary = "The latest signed checkpoints (newest first) and the Ed25519 public key that checks them")
    public CheckpointsView checkpoints(@QueryParam("latest") @DefaultValue("10") String latestParam) {
        int latest;
        try {
            latest = Integer.parseInt(latestParam.strip());
        } catch (NumberFormatException e) {
            latest = 0;
        }
        if (latest < 1 || latest > MAX_CHECKPOINTS) {
            throw InvalidRequest.of("latest", "a number between 1 and " + MAX_CHECKPOINTS);
        }
        var seal = desk.publicSeal();
        return new CheckpointsView(CheckpointSeal.ALGORITHM, seal.publicKeyBase64(), seal.publicKeyPem(),
                desk.latestCheckpoints(latest).stream().map(CheckpointView::of).toList());
    }
}
