package io.writ.workflow.webhook;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.notice.Notice;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritNotices;
import io.writ.domain.writ.Writs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a webhook receiver gets: the notice as JSON a chat tool can show, signed so it can be trusted. */
class WebhookBodyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void theBodyCarriesTheEventTheWritAndATextForChatTools() {
        var writ = Writs.ask().justification("rotate the keys").minutes(30).submit();
        writ.takeEvents();
        writ.applyPolicy(ApprovalPolicy.approvals(2, "approver", 240), T0);
        var notice = WritNotices.about(writ.takeEvents().get(0), "security").get(0);

        var json = JsonNoticeWebhook.json(notice, writ, "http://localhost:8080/inbox.xhtml");

        assertThat(json.getString("id")).isEqualTo(notice.id());
        assertThat(json.getString("event")).isEqualTo("writ.decision-needed");
        assertThat(json.getString("at")).isEqualTo("2026-11-02T09:00:00Z");
        assertThat(json.getString("text")).isEqualTo("Decision needed: alice asks for prod-db-admin (HIGH) on "
                + "CHG-1001\nhttp://localhost:8080/inbox.xhtml");
        assertThat(json.getString("link")).isEqualTo("http://localhost:8080/inbox.xhtml");
        assertThat(json.getJsonObject("audience").getJsonArray("groups").getString(0)).isEqualTo("approver");
        assertThat(json.getJsonObject("audience").getJsonArray("people")).isEmpty();
        var writJson = json.getJsonObject("writ");
        assertThat(writJson.getString("id")).isEqualTo(writ.id());
        assertThat(writJson.getString("requester")).isEqualTo("alice");
        assertThat(writJson.getString("entitlement")).isEqualTo("prod-db-admin");
        assertThat(writJson.getString("riskTier")).isEqualTo("HIGH");
        assertThat(writJson.getString("ticket")).isEqualTo("CHG-1001");
        assertThat(writJson.containsKey("windowEndsAt")).as("not granted yet").isFalse();
    }

    @Test
    void theSignatureIsHmacSha256OfTheBodyInHex() {
        // RFC 4231, test case 2
        var signature = NoticeSignature.of("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe");

        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
