package io.writ.workflow.audit;

import io.writ.domain.audit.CheckpointSeal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointKeyFileTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartMakesAKeyOnlyItsOwnerCanReadAndLaterStartsUseTheSameKey() throws Exception {
        var file = dataDir.resolve("keys/audit-checkpoint-key.pem");

        var first = CheckpointSeal.of(CheckpointKeyFile.loadOrCreate(file));
        var again = CheckpointSeal.of(CheckpointKeyFile.loadOrCreate(file));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
        assertThat(again.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        assertThat(again.verifies("checkpoint", first.sign("checkpoint"))).isTrue();
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aKeyFileWithoutBothKeysIsRefused() throws Exception {
        var file = dataDir.resolve("audit-checkpoint-key.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n");

        assertThatThrownBy(() -> CheckpointKeyFile.loadOrCreate(file))
                .hasMessageContaining("must hold a PRIVATE KEY and a PUBLIC KEY block");
    }

    @Test
    void keysOfTwoDifferentPairsAreRefused() throws Exception {
        var one = dataDir.resolve("one.pem");
        var other = dataDir.resolve("other.pem");
        CheckpointKeyFile.loadOrCreate(one);
        CheckpointKeyFile.loadOrCreate(other);
        var privateOfOne = Files.readString(one).replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        var publicOfOther = Files.readString(other).replaceAll("(?s).*(-----BEGIN PUBLIC KEY-----)", "$1");
        var mixed = dataDir.resolve("mixed.pem");
        Files.writeString(mixed, privateOfOne + publicOfOther);

        assertThatThrownBy(() -> CheckpointKeyFile.loadOrCreate(mixed)).hasMessageContaining("not one key pair");
    }
}
