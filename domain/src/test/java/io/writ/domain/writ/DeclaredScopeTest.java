package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclaredScopeTest {

    @Test
    void anEmptyListAllowsEverything() {
        var scope = DeclaredScope.of(List.of(), null, List.of(" "));

        assertThat(scope.allowsTarget("anything")).isTrue();
        assertThat(scope.allowsCommand("rm -rf /")).isTrue();
        assertThat(scope.allowsFileDestination("/tmp/x")).isTrue();
        assertThat(DeclaredScope.unrestricted().allowsTarget("db-primary")).isTrue();
    }

    @Test
    void aNonEmptyListAllowsOnlyWhatMatchesOneOfItsPatterns() {
        var scope = DeclaredScope.of(List.of("db-replica-*", "cache-1"), List.of("psql*", "SELECT *"), null);

        assertThat(scope.allowsTarget("db-replica-1")).isTrue();
        assertThat(scope.allowsTarget("db-replica-")).as("a star also stands for nothing").isTrue();
        assertThat(scope.allowsTarget("cache-1")).isTrue();
        assertThat(scope.allowsTarget("db-primary")).isFalse();
        assertThat(scope.allowsTarget("cache-10")).as("no star, exact match only").isFalse();
        assertThat(scope.allowsTarget(null)).isFalse();
        assertThat(scope.allowsCommand("psql -h db-replica-1")).isTrue();
        assertThat(scope.allowsCommand("SELECT * FROM accounts")).isTrue();
        assertThat(scope.allowsCommand("sudo psql")).isFalse();
    }

    @Test
    void starsMayStandAnywhereAndOtherCharactersStandForThemselves() {
        var scope = DeclaredScope.of(List.of("*.prod.*.internal", "db.1", "a*b*c"), null, null);

        assertThat(scope.allowsTarget("pay.prod.eu.internal")).isTrue();
        assertThat(scope.allowsTarget("pay.prod.eu.internal.evil")).isFalse();
        assertThat(scope.allowsTarget("db.1")).isTrue();
        assertThat(scope.allowsTarget("dbx1")).as("a dot is a dot, not any character").isFalse();
        assertThat(scope.allowsTarget("aXbYbZc")).isTrue();
        assertThat(scope.allowsTarget("acb")).isFalse();
        assertThat(scope.allowsTarget("DB.1")).as("case-sensitive").isFalse();
    }

    @Test
    void aLoneStarAllowsEverythingOfItsKind() {
        var scope = DeclaredScope.of(null, null, List.of("*"));

        assertThat(scope.allowsFileDestination("")).isTrue();
        assertThat(scope.allowsFileDestination("s3://bucket/key")).isTrue();
    }

    @Test
    void theDeclaredListsReadBackAsDeclared() {
        var scope = DeclaredScope.of(List.of(" db-* ", "", "cache"), Collections.emptyList(),
                Arrays.asList("/srv/*", null));

        assertThat(scope.targets()).containsExactly("db-*", "cache");
        assertThat(scope.commands()).isEmpty();
        assertThat(scope.fileDestinations()).containsExactly("/srv/*");
    }

    @Test
    void aScopeTooLongToKeepIsAFieldErrorOfTheSubmission() {
        var huge = DeclaredScope.of(List.of("x".repeat(DeclaredScope.MAX_STORED_LENGTH + 1)), null, null);

        assertThatThrownBy(() -> Writs.ask().scope(huge).submit())
                .isInstanceOf(InvalidRequest.class).hasMessageStartingWith("scope.targets");
    }

    @Test
    void theWritKeepsItsDeclaredScope() {
        var w = Writs.ask().scope(DeclaredScope.of(List.of("db-replica-*"), List.of("psql*"), null)).submit();

        assertThat(w.scope().allowsTarget("db-replica-2")).isTrue();
        assertThat(w.scope().allowsTarget("db-primary")).isFalse();
        assertThat(Writs.ask().submit().scope().allowsTarget("db-primary")).as("nothing declared").isTrue();
    }
}
