package io.writ.domain.compliance;

import java.util.List;
import java.util.Optional;

/** Where the mapping's versions are kept (a port; the adapter keeps them in the database). */
public interface MappingRepository {

    /** The newest version, or empty before the first is kept. */
    Optional<MappingVersion> latest();

    /** Keeps a new version; gives {@code false} when that number was taken meanwhile (a concurrent edit). */
    boolean add(MappingVersion version);

    Optional<MappingVersion> number(int number);

    /** Every version, newest first. */
    List<MappingVersion> history();
}
