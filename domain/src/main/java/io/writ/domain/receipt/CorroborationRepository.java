package io.writ.domain.receipt;

import java.util.Collection;
import java.util.List;

/** The identity provider's word on writs' grants and revocations, kept once per step. */
public interface CorroborationRepository {

    /** Keeps it, unless that step of that writ was judged already (by another node): then false. */
    boolean saveOnce(Corroboration corroboration);

    List<Corroboration> of(String writId);

    /** Which of these events of the identity provider a step was corroborated with already. */
    java.util.Set<String> cited(Collection<String> eventIds);

    /** Those of all these writs at once (a period's receipts). */
    List<Corroboration> ofAll(Collection<String> writIds);
}
