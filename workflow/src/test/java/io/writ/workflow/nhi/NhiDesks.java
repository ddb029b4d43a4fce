package io.writ.workflow.nhi;

import io.writ.domain.audit.AuditTrail;
import io.writ.domain.identity.NhiClients;
import io.writ.workflow.nhi.rotation.RotationProcess;

import java.time.Clock;

import static org.mockito.Mockito.mock;

/** An NhiDesk on the given ports, for the tests of the features that rotate through it. */
public final class NhiDesks {

    private NhiDesks() {
    }

    public static NhiDesk on(NhiClients clients, AuditTrail audit, Clock clock) {
        var desk = new NhiDesk();
        desk.nhiClients = clients;
        desk.audit = audit;
        desk.process = mock(RotationProcess.class);
        desk.secretMaxAgeDays = 90;
        desk.clock = clock;
        return desk;
    }
}
