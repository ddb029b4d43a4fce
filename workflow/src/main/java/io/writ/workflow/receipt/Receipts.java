package io.writ.workflow.receipt;

import io.writ.domain.receipt.Corroboration;
import io.writ.domain.receipt.CorroborationRepository;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.writ.Writ;
import io.writ.workflow.audit.CheckpointKeyFile;
import io.writ.workflow.writ.WritQueries;
import io.writ.domain.audit.CheckpointSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;

/**
 * Writs' receipts, signed with the audit trail's Ed25519 key (the key that signs its checkpoints, whose public half
 * the portal publishes): anyone holding the public key checks a receipt offline, and nobody without the private key
 * makes one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Receipts {

    /** A receipt, the exact text signed (UTF-8), its signature (base64) and the public key that checks it. */
    public record Signed(Receipt receipt, String signedText, String signature, String publicKeyPem) {

        /**
         * As the API answers it: {@code {receipt, signedText, signature, algorithm, publicKeyPem}}, the receipt
         * itself and the exact text signed, for {@code openssl pkeyutl -verify}.
         */
        public String asJson() {
            var out = new StringWriter();
            try (var reader = Json.createReader(new StringReader(signedText)); var writer = Json.createWriter(out)) {
                writer.writeObject(Json.createObjectBuilder()
                        .add("receipt", reader.readObject())
                        .add("signedText", signedText)
                        .add("signature", signature)
                        .add("algorithm", CheckpointSeal.ALGORITHM)
                        .add("publicKeyPem", publicKeyPem)
                        .build());
            }
            return out.toString();
        }
    }

    @Inject
    WritQueries queries;

    @Inject
    CorroborationRepository corroborations;

    @Inject
    SessionRepository sessions;

    @Inject
    CheckpointKeyFile key;

    Clock clock = Clock.systemUTC();

    /** The receipt of a writ the caller may see ({@code overseer}: security or compliance), signed now. */
    public Signed of(String writId, String caller, boolean overseer) {
        return sign(unsigned(writId, caller, overseer));
    }

    /** The receipt as the writ page shows it, not signed. */
    public Receipt unsigned(String writId, String caller, boolean overseer) {
        var writ = queries.visibleTo(writId, caller, overseer);
        return Receipt.of(writ, corroborations.of(writ.id()), sessions.linkedTo(writ.id()), clock.instant());
    }

    /** The receipts of these writs (a period's), signed now; Keycloak's word on all of them read at once. */
    public List<Signed> ofAll(List<Writ> writs) {
        var witnesses = new HashMap<String, List<Corroboration>>();
        corroborations.ofAll(writs.stream().map(Writ::id).toList())
                .forEach(c -> witnesses.computeIfAbsent(c.writId(), k -> new java.util.ArrayList<>()).add(c));
        var now = clock.instant();
        return writs.stream().map(w -> sign(Receipt.of(w, witnesses.getOrDefault(w.id(), List.of()),
                sessions.linkedTo(w.id()), now))).toList();
    }

    private Signed sign(Receipt receipt) {
        var seal = key.seal();
        var text = receipt.signedText();
        return new Signed(receipt, text, seal.sign(text), seal.publicKeyPem());
    }
}
