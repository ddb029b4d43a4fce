package io.writ.workflow.keycloak;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupPathTest {

    @Test
    void aNestedGroupSitsInEachGroupOnItsPath() {
        assertThat(GroupPath.names("/vendors/acme")).containsExactly("vendors", "acme");
        assertThat(GroupPath.names("/third-party")).containsExactly("third-party");
    }

    @Test
    void aSlashInsideAGroupNameIsNotAStep() {
        assertThat(GroupPath.names("/ops~/oncall/admins")).containsExactly("ops/oncall", "admins");
    }

    @Test
    void noPathNoNames() {
        assertThat(GroupPath.names(null)).isEmpty();
        assertThat(GroupPath.names("")).isEmpty();
    }
}
