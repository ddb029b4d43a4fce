package io.writ.web.api;

import io.writ.domain.nhi.Nhi;
import io.writ.domain.nhi.NhiFinding;

import java.time.Instant;
import java.util.List;

/** A non-human identity as the API shows it (docs/nhi.md, "The inventory"). */
public record NhiView(String clientId, String identity, String owner, Long secretAgeDays, Instant secretMadeAt,
                      List<String> privilegedRoles, Instant lastUsedAt, List<String> findings) {

    static NhiView of(Nhi n) {
        return new NhiView(n.clientId(), n.identity(), n.owner(), n.secretAgeDays().orElse(null),
                n.secretMadeAt().orElse(null),
                n.privilegedRoles().stream().sorted().toList(), n.lastUsedAt().orElse(null),
                n.sortedFindings().stream().map(NhiFinding::name).toList());
    }
}
