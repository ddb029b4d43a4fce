package io.writ.workflow.audit;

import io.writ.domain.audit.CheckpointSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How the audit chain is signed and verified; every value has a default and an environment variable (docs/configuration.md, "Audit trail"). */
@ApplicationScoped
public class AuditSettings {

    /** A checkpoint after this many records... */
    @Inject
    @ConfigProperty(name = "writ.audit.checkpoint-records", defaultValue = "1000")
    int checkpointRecords;

    /** ...and at least this often while records arrive. */
    @Inject
    @ConfigProperty(name = "writ.audit.checkpoint-minutes", defaultValue = "10")
    int checkpointMinutes;

    /** The checkpoint key; by default in the data directory, next to the database. */
    @Inject
    @ConfigProperty(name = "writ.audit.key-file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "writ.data-dir", defaultValue = "./data")
    String dataDir;

    /** Records read per query while verifying. */
    @Inject
    @ConfigProperty(name = "writ.audit.verify-batch", defaultValue = "1000")
    int verifyBatch;

    public CheckpointSchedule schedule() {
        return new CheckpointSchedule(checkpointRecords, Duration.ofMinutes(checkpointMinutes));
    }

    public Path keyFile() {
        return keyFile.filter(f -> !f.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(dataDir, "audit-checkpoint-key.pem"));
    }

    public int verifyBatch() {
        if (verifyBatch < 1) {
            throw new IllegalStateException("writ.audit.verify-batch must be at least 1, not " + verifyBatch);
        }
        return verifyBatch;
    }
}
