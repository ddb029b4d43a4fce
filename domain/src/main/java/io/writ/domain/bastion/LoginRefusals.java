package io.writ.domain.bastion;

import java.util.List;

/** The refused bastion logins, kept. */
public interface LoginRefusals {

    void save(LoginRefusal refusal);

    /** The latest refusals, newest first. */
    List<LoginRefusal> latest(int max);
}
