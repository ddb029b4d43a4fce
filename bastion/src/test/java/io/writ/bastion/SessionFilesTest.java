package io.writ.bastion;

import io.writ.bastion.SessionFiles.Command;
import io.writ.bastion.SessionFiles.Transfer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a session's helpers write, read back as the commands and file transfers of the session. */
class SessionFilesTest {

    @Nested
    class CommandsOfTheShell {

        @Test
        void aCommandIsReadWithItsTimeAndDirectory() {
            var line = "1793610000.123456\t/home/alice\tls -la";

            assertThat(SessionFiles.command(line)).contains(
                    new Command(Instant.ofEpochSecond(1_793_610_000L, 123_456_000L), "/home/alice", "ls -la"));
        }

        @Test
        void aTimeWithoutFractionIsAWholeSecond() {
            assertThat(SessionFiles.command("1793610000\t/\tid"))
                    .map(Command::at).contains(Instant.ofEpochSecond(1_793_610_000L));
        }

        @Test
        void shellMetacharactersAreKeptAsTyped() {
            var typed = "cat /etc/passwd | grep -v '^#' > \"/tmp/a b\"; echo $HOME `id` $(whoami) && rm -rf x || true &";

            assertThat(SessionFiles.command(line(typed))).map(Command::line).contains(typed);
        }

        @Test
        void aCommandOverSeveralLinesIsOneCommand() {
            var typed = "for f in *.log; do\n\tgzip \"$f\"\ndone";

            assertThat(SessionFiles.command(line(typed))).map(Command::line).contains(typed);
        }

        @Test
        void aLongCommandIsKeptWhole() {
            var typed = "echo " + "x".repeat(10_000 - 5);

            assertThat(SessionFiles.command(line(typed))).map(Command::line).hasValueSatisfying(c -> {
                assertThat(c).hasSize(10_000);
                assertThat(c).isEqualTo(typed);
            });
        }

        @Test
        void nonAsciiDirectoriesAndCommandsAreReadAsUtf8() {
            var line = "1793610000.5\t/home/zoë/📁\techo 'Grüße 😀'";

            assertThat(SessionFiles.command(line)).contains(new Command(
                    Instant.ofEpochSecond(1_793_610_000L, 500_000_000L), "/home/zoë/📁", "echo 'Grüße 😀'"));
        }

        @Test
        void surroundingBlanksAreNotPartOfTheCommand() {
            assertThat(SessionFiles.command(line("  sudo -l \n"))).map(Command::line).contains("sudo -l");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\n", "\t  \t"})
        void pressingEnterAloneIsNoCommand(String typed) {
            assertThat(SessionFiles.command(line(typed))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "",
                "garbage",
                "1793610000.1\t/home",
                "1793610000.1\t/home\tls\textra",
                "yesterday\t/home\tls",
                "1793610000.1 /home ls"})
        void aLineThatIsNotACommandIsSkipped(String line) {
            assertThat(SessionFiles.command(line)).isEmpty();
        }

        @Test
        void aBackslashThatEscapesNothingStandsForItself() {
            var line = "1793610000\t/srv/a\\\\b\tprintf 'C:\\\\dir\\\\x\\n' \\q";

            assertThat(SessionFiles.command(line)).map(Command::directory).contains("/srv/a\\b");
            assertThat(SessionFiles.command(line)).map(Command::line).contains("printf 'C:\\dir\\x\n' \\q");
        }

        /** The line the shell's start-up writes for a command typed in /home/alice. */
        private static String line(String command) {
            return "1793610000.000001\t/home/alice\t" + escaped(command);
        }

        private static String escaped(String s) {
            return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    @Nested
    class SftpTransfers {

        private final SessionFiles log = SessionFiles.sftp();

        @Test
        void aFileWrittenToTheBastionIsAnUploadOfTheBytesWritten() {
            assertThat(log.sftpLine("open \"/home/alice/up.txt\" flags WRITE,CREATE,TRUNCATE mode 0644")).isEmpty();

            var transfer = log.sftpLine("close \"/home/alice/up.txt\" bytes read 0 written 13");

            assertThat(transfer).contains(new Transfer("/home/alice/up.txt", true, 13));
            assertThat(transfer.orElseThrow().detail()).isEqualTo("upload of 13 bytes");
        }

        @Test
        void aFileReadFromTheBastionIsADownloadOfTheBytesRead() {
            assertThat(log.sftpLine("open \"/home/alice/up.txt\" flags READ mode 0666")).isEmpty();

            var transfer = log.sftpLine("close \"/home/alice/up.txt\" bytes read 13 written 0");

            assertThat(transfer).contains(new Transfer("/home/alice/up.txt", false, 13));
            assertThat(transfer.orElseThrow().detail()).isEqualTo("download of 13 bytes");
        }

        @Test
        void anEmptyFileUploadedIsStillAnUpload() {
            log.sftpLine("open \"/home/alice/empty.txt\" flags WRITE,CREATE,TRUNCATE mode 0644");

            var transfer = log.sftpLine("close \"/home/alice/empty.txt\" bytes read 0 written 0");

            assertThat(transfer).contains(new Transfer("/home/alice/empty.txt", true, 0));
            assertThat(transfer.orElseThrow().detail()).isEqualTo("upload of 0 bytes");
        }

        @Test
        void anEmptyFileDownloadedIsADownload() {
            log.sftpLine("open \"/home/alice/empty.txt\" flags READ mode 0666");

            assertThat(log.sftpLine("close \"/home/alice/empty.txt\" bytes read 0 written 0"))
                    .contains(new Transfer("/home/alice/empty.txt", false, 0));
        }

        @Test
        void theSameFileUploadedThenDownloadedIsOneOfEach() {
            log.sftpLine("open \"/home/alice/up.txt\" flags WRITE,CREATE,TRUNCATE mode 0644");
            var up = log.sftpLine("close \"/home/alice/up.txt\" bytes read 0 written 13");
            log.sftpLine("open \"/home/alice/up.txt\" flags READ mode 0666");
            var down = log.sftpLine("close \"/home/alice/up.txt\" bytes read 13 written 0");

            assertThat(up).map(Transfer::detail).contains("upload of 13 bytes");
            assertThat(down).map(Transfer::detail).contains("download of 13 bytes");
        }

        @Test
        void linesAreReadWhateverTheLoggerPutsBeforeThem() {
            log.sftpLine("sftp-server[4242]: open \"/srv/data/dump.sql\" flags WRITE,CREATE,TRUNCATE mode 0600");

            assertThat(log.sftpLine("sftp-server[4242]: close \"/srv/data/dump.sql\" bytes read 0 written 1048576"))
                    .contains(new Transfer("/srv/data/dump.sql", true, 1_048_576));
        }

        @Test
        void aPathWithSpacesAndQuotesIsKeptWhole() {
            log.sftpLine("open \"/home/alice/my \"best\" file.txt\" flags READ mode 0666");

            assertThat(log.sftpLine("close \"/home/alice/my \"best\" file.txt\" bytes read 5 written 0"))
                    .map(Transfer::path).contains("/home/alice/my \"best\" file.txt");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "session opened for local user alice from [UNKNOWN]",
                "received client version 3",
                "realpath \".\"",
                "opendir \"/home/alice\"",
                "closedir \"/home/alice\"",
                "sent status No such file",
                "session closed for local user alice",
                ""})
        void linesThatAreNoTransferAreSkipped(String line) {
            assertThat(log.sftpLine(line)).isEmpty();
        }
    }

    @Nested
    class LegacyScp {

        @Test
        void scpToTheBastionIsAnUpload() {
            var transfer = SessionFiles.legacyScp("scp -t /tmp/x");

            assertThat(transfer).contains(new Transfer("/tmp/x", true, -1));
            assertThat(transfer.orElseThrow().detail()).isEqualTo("upload by scp (legacy protocol), size not measured");
        }

        @Test
        void scpFromTheBastionIsADownload() {
            var transfer = SessionFiles.legacyScp("scp -f /etc/hosts");

            assertThat(transfer).contains(new Transfer("/etc/hosts", false, -1));
            assertThat(transfer.orElseThrow().detail())
                    .isEqualTo("download by scp (legacy protocol), size not measured");
        }

        @Test
        void optionsAroundTheDirectionAreSkippedAndThePathKeptWhole() {
            assertThat(SessionFiles.legacyScp("scp -v -t -- /a b")).contains(new Transfer("/a b", true, -1));
            assertThat(SessionFiles.legacyScp("scp -r -p -d -t /srv/upload"))
                    .contains(new Transfer("/srv/upload", true, -1));
            assertThat(SessionFiles.legacyScp("scp -v -f -- -odd-name")).contains(new Transfer("-odd-name", false, -1));
            assertThat(SessionFiles.legacyScp("  scp -f report.pdf \n")).contains(new Transfer("report.pdf", false, -1));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "ls -la",
                "scp report.pdf alice@elsewhere:/tmp/",
                "scp -t",
                "scp",
                "sudo scp -t /tmp/x",
                "echo scp -t /tmp/x",
                "/usr/lib/openssh/sftp-server",
                ""})
        void anythingElseIsNoScpTransfer(String command) {
            assertThat(SessionFiles.legacyScp(command)).isEmpty();
        }

        @Test
        void noCommandIsNoScpTransfer() {
            assertThat(SessionFiles.legacyScp(null)).isEmpty();
        }
    }
}
