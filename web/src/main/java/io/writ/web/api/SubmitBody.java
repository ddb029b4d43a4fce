package io.writ.web.api;

import io.writ.domain.writ.DeclaredScope;
import io.writ.domain.writ.WritForm;

import java.util.List;

/** The body of POST /api/v1/requests (docs/api.md, "Writs"). */
public record SubmitBody(String entitlement, String ticket, String justification, Integer durationMinutes,
                         String target, ScopeBody scope, Boolean breakGlass) {

    /** {@code {targets, commands, fileDestinations}}, each a list of patterns with * wildcards. */
    public record ScopeBody(List<String> targets, List<String> commands, List<String> fileDestinations) {
    }

    WritForm form() {
        return new WritForm(entitlement, ticket, justification, durationMinutes, target,
                scope == null ? null : DeclaredScope.of(scope.targets(), scope.commands(), scope.fileDestinations()),
                Boolean.TRUE.equals(breakGlass));
    }
}
