package io.writ.domain.bastion;

import io.writ.domain.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a bastion asks about a login must be plain names before it is decided (and before any of it is logged). */
class BastionLoginTest {

    private static final String NAMES_ONLY = "letters, digits and . _ @ + - only (not first: -), at most 200 characters";

    @Test
    void aPlainLoginHasNoProblems() {
        var login = new BastionLogin("bastion-1.eu", "alice.smith@example.org", "alice_s+ops", "10.0.0.5 port 50022",
                Set.of("bastion-shell", "bastion-admin"));

        assertThat(login.problems()).isEmpty();
    }

    @Test
    void whereTheConnectionComesFromMayBeUnknown() {
        assertThat(login("alice").withFrom(null).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice;rm", "alice rm", "$(id)", "`id`", "a|b", "a&b", "a>b", "a<b", "../etc", "a\nb",
            "a'b", "a\"b", "a*", "al\\ice", "zoë", "-rf"})
    void anAccountWithShellMetacharactersOrOtherSignsIsRefused(String account) {
        assertThat(login(account).problems()).containsExactly(new FieldError("account", NAMES_ONLY));
    }

    @Test
    void namesMayBeAtMost200Characters() {
        assertThat(login("a".repeat(200)).problems()).isEmpty();
        assertThat(login("a".repeat(201)).problems()).containsExactly(new FieldError("account", NAMES_ONLY));
    }

    @Test
    void missingNamesAreRequired() {
        var login = new BastionLogin(null, " ", "", null, Set.of("bastion-shell"));

        assertThat(login.problems()).containsExactly(
                new FieldError("bastion", "is required"),
                new FieldError("identity", "is required"),
                new FieldError("account", "is required"));
    }

    @Test
    void aBastionServesAtLeastOneEntitlement() {
        var expected = new FieldError("served", "the entitlements this bastion serves: at least one");

        assertThat(login("alice").withServed(Set.of()).problems()).containsExactly(expected);
        assertThat(login("alice").withServed(null).problems()).containsExactly(expected);
    }

    @Test
    void eachServedEntitlementIsAName() {
        var served = new LinkedHashSet<>(List.of("bastion-shell", "bastion admin", "x;y"));

        assertThat(login("alice").withServed(served).problems()).containsExactly(
                new FieldError("served", NAMES_ONLY),
                new FieldError("served", NAMES_ONLY));
    }

    @Test
    void whereTheConnectionComesFromIsAtMost200Characters() {
        assertThat(login("alice").withFrom("x".repeat(200)).problems()).isEmpty();
        assertThat(login("alice").withFrom("x".repeat(201)).problems())
                .containsExactly(new FieldError("from", "at most 200 characters"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var login = new BastionLogin("b".repeat(201), "alice smith", "alice;rm", "10.0.0.5 port 50022", Set.of());

        assertThat(login.problems()).containsExactly(
                new FieldError("bastion", NAMES_ONLY),
                new FieldError("identity", NAMES_ONLY),
                new FieldError("account", NAMES_ONLY),
                new FieldError("served", "the entitlements this bastion serves: at least one"));
    }

    private static Login login(String account) {
        return new Login(account, "10.0.0.5 port 50022", Set.of("bastion-shell"));
    }

    /** Alice's login at bastion-1 to that account, from there, at a bastion serving those entitlements. */
    private record Login(String account, String from, Set<String> served) {
        Login withFrom(String from) {
            return new Login(account, from, served);
        }

        Login withServed(Set<String> served) {
            return new Login(account, from, served);
        }

        List<FieldError> problems() {
            return new BastionLogin("bastion-1", "alice", account, from, served).problems();
        }
    }
}
