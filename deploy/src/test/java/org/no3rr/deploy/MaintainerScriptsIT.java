package org.no3rr.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the package's maintainer scripts against stand-ins for every command they call (getent, useradd,
 * usermod, install, systemctl, rm, userdel), with PATH holding only the stand-ins, and asserts the exact
 * commands. This machine runs no systemd (no /run/systemd/system), as in a chroot or an image build.
 */
class MaintainerScriptsIT {

    private static final List<String> STUBBED = List.of("getent", "useradd", "usermod", "install", "systemctl",
            "rm", "userdel", "deluser", "chown", "no3rr-station-certificate");

    @TempDir
    Path control;
    @TempDir
    Path stubs;
    private Path calls;

    @BeforeEach
    void stubCommands() throws Exception {
        BuiltPackage.control(control);
        calls = stubs.resolve("calls.log");
        Files.createFile(calls);
        for (String name : STUBBED) {
            Path stub = stubs.resolve(name);
            // getent answers 0 for the "database:key" pairs listed in STUB_EXISTING, 2 (not found) otherwise.
            Files.writeString(stub, "#!/bin/bash\necho \"${0##*/} $*\" >> \"$STUB_LOG\"\n"
                    + ("getent".equals(name) ? "[[ \" $STUB_EXISTING \" == *\" $1:$2 \"* ]] && exit 0 || exit 2\n" : ""));
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void firstInstallCreatesTheUserJoinsOnlyExistingHardwareGroupsAndEnablesTheService() {
        Assumptions.assumeFalse(Files.isDirectory(Path.of("/var/lib/no3rr-station")),
                "/var/lib/no3rr-station exists: this test needs a machine where the package was never installed");
        Command.Result result = run("postinst", "group:gpio", "configure");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(calls()).containsExactly(
                "getent passwd no3rr",
                "useradd --system --user-group --home-dir /var/lib/no3rr-station --no-create-home --shell /usr/sbin/nologin --comment NO3RR test station no3rr",
                "getent group gpio",
                "usermod --append --groups gpio no3rr",
                "getent group i2c",
                "install -d -o no3rr -g no3rr -m 0700 /var/lib/no3rr-station",
                "no3rr-station-certificate --if-missing",
                "systemctl enable no3rr-station.service");
        assertThat(result.stderr()).contains("systemd is not running here");
    }

    @Test
    void upgradeKeepsTheExistingUserAndAnAdminsDisable() {
        Assumptions.assumeFalse(Files.isDirectory(Path.of("/var/lib/no3rr-station")),
                "/var/lib/no3rr-station exists: this test needs a machine where the package was never installed");
        Command.Result result = run("postinst", "passwd:no3rr group:gpio group:i2c", "configure", "0.1.0~20260101000000");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(calls()).containsExactly(
                "getent passwd no3rr",
                "getent group gpio",
                "usermod --append --groups gpio no3rr",
                "getent group i2c",
                "usermod --append --groups i2c no3rr",
                "install -d -o no3rr -g no3rr -m 0700 /var/lib/no3rr-station",
                "no3rr-station-certificate --if-missing");
    }

    @Test
    void removeDisablesTheServiceAndUpgradeLeavesItRunning() {
        Command.Result remove = run("prerm", "", "remove");
        assertThat(remove.exitCode()).as(remove.describe()).isZero();
        assertThat(calls()).containsExactly("systemctl disable no3rr-station.service");

        Command.Result upgrade = run("prerm", "", "upgrade", "0.1.0~20270101000000");
        assertThat(upgrade.exitCode()).as(upgrade.describe()).isZero();
        assertThat(calls()).containsExactly("systemctl disable no3rr-station.service");
    }

    @Test
    void purgeDeletesNeitherTheDataNorTheUser() {
        Command.Result result = run("postrm", "passwd:no3rr", "purge");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(calls()).isEmpty();
    }

    @Test
    void unknownArgumentsFail() {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Command.Result result = run(script, "", "frobnicate");
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
            assertThat(result.stderr()).contains("unknown argument 'frobnicate'");
        }
    }

    private Command.Result run(String script, String existing, String... arguments) {
        List<String> command = new ArrayList<>(List.of(control.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return Command.run(Duration.ofSeconds(20),
                Map.of("PATH", stubs.toString(), "STUB_LOG", calls.toString(), "STUB_EXISTING", existing), command);
    }

    private List<String> calls() {
        try {
            return Files.readAllLines(calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
