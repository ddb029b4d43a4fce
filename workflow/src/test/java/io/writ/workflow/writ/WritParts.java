package io.writ.workflow.writ;

import io.writ.workflow.fakes.FakeKeycloak;
import io.writ.workflow.fakes.FakeWrits;
import io.writ.workflow.fakes.Recorded;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The writ feature's parts on fakes, for the tests of this feature and of the features built on it. */
public final class WritParts {

    private WritParts() {
    }

    /** Writs kept in memory whose events are recorded, as in the portal, in the audit trail and the outbox. */
    public static FakeWrits kept(Recorded recorded) {
        var recorder = new WritEventRecorder();
        recorder.audit = recorded.audit;
        recorder.notices = recorded.outbox;
        recorder.settings = settings();
        return new FakeWrits(recorder::record);
    }

    /** The people about to decide, with their groups as the fake Keycloak has them. */
    public static Approvers approvers(FakeKeycloak keycloak) {
        var approvers = new Approvers();
        approvers.directory = keycloak;
        return approvers;
    }

    /** The default settings: security is the sponsor group and is told of broken glass. */
    public static WritSettings settings() {
        var settings = mock(WritSettings.class);
        when(settings.sponsorGroup()).thenReturn("security");
        when(settings.securityGroup()).thenReturn("security");
        return settings;
    }
}
