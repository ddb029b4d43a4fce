package io.writ.domain.writ;

import io.writ.domain.NotPermitted;

/**
 * The person may not decide on this writ: they asked for it, would receive it, own the non-human identity that
 * would receive it, are not among its approvers, or have already decided on it.
 */
public class SeparationOfDutiesViolation extends NotPermitted {

    public SeparationOfDutiesViolation(String reason) {
        super(reason);
    }
}
