package io.writ.workflow.writ;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.writ.Writ;

import java.util.List;

/**
 * Everything about one writ that its detail page shows, read in one go for someone the writ allows to see it.
 *
 * @param writ    the writ itself: state, decisions, grant
 * @param trail   what happened to it, oldest first (the audit trail about {@code writ:<id>})
 * @param diagram its process, and where it stands in it
 */
public record WritDossier(Writ writ, List<AuditEntry> trail, WritDiagram diagram) {

    public WritDossier {
        trail = List.copyOf(trail);
    }
}
