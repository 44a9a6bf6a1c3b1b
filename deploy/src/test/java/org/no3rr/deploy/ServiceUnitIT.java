package org.no3rr.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The systemd unit as the package ships it. */
class ServiceUnitIT {

    @TempDir
    static Path root;
    private static Path unit;
    /** Key -> every value it is given in [Service], in order. */
    private static Map<String, List<String>> service;

    @BeforeAll
    static void unpack() throws Exception {
        BuiltPackage.unpack(root);
        unit = root.resolve("usr/lib/systemd/system/no3rr-station.service");
        service = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(unit)) {
            if (line.startsWith("[")) {
                section = line;
            } else if ("[Service]".equals(section) && line.contains("=") && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                service.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
    }

    @Test
    void passesSystemdAnalyzeVerifyWithoutAWarning() {
        String analyze = RequiredTool.require("systemd-analyze", "systemd").toString();
        Command.Result result = Command.run(Duration.ofSeconds(60), Map.of(), analyze, "verify", "--man=no", unit.toString());

        assertThat(result.exitCode()).as(result.describe()).isZero();
        // verify only warns about unknown keys and bad values, with exit code 0: any output is a failure.
        assertThat(result.stdout() + result.stderr()).as(result.describe()).isEmpty();
    }

    @Test
    void systemdRatesItsExposureOk() {
        String analyze = RequiredTool.require("systemd-analyze", "systemd").toString();
        // --threshold=40: fail above an exposure of 4.0, the top of systemd's "OK" band.
        Command.Result result = Command.run(Duration.ofSeconds(60), Map.of(), analyze, "security", "--offline=true",
                "--threshold=40", "--no-pager", unit.toString());

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).containsPattern("Overall exposure level for no3rr-station\\.service: [0-3]\\.\\d OK");
    }

    @Test
    void runsAsTheServiceUserAndRestartsOnFailure() {
        assertThat(service).containsEntry("User", List.of("no3rr")).containsEntry("Group", List.of("no3rr"))
                .containsEntry("Restart", List.of("on-failure")).containsEntry("SuccessExitStatus", List.of("143"))
                .containsEntry("StandardOutput", List.of("journal"));
        assertThat(service.get("ExecStart").get(0)).startsWith("/usr/bin/java ")
                .endsWith("-jar /usr/share/no3rr-station/quarkus-app/quarkus-run.jar");
        // Quarkus reads config/application.properties there: the package's link to /etc/no3rr-station.
        assertThat(service).containsEntry("WorkingDirectory", List.of("/usr/share/no3rr-station"));
    }

    @Test
    void claimsNoWatchdogBecauseTheStationDoesNotSpeakSdNotify() {
        assertThat(service).containsEntry("Type", List.of("exec")).doesNotContainKeys("WatchdogSec", "NotifyAccess");
    }

    @Test
    void isHardenedAndMayWriteOnlyItsDataDirectory() {
        for (String yes : List.of("NoNewPrivileges", "ProtectHome", "PrivateTmp", "ProtectKernelTunables",
                "ProtectKernelModules", "ProtectControlGroups", "RestrictSUIDSGID")) {
            assertThat(service).as(yes).containsEntry(yes, List.of("yes"));
        }
        assertThat(service).containsEntry("ProtectSystem", List.of("strict"))
                .containsEntry("ReadWritePaths", List.of("/var/lib/no3rr-station"))
                .containsEntry("CapabilityBoundingSet", List.of(""))
                .containsEntry("RestrictAddressFamilies", List.of("AF_UNIX AF_INET AF_INET6 AF_NETLINK"));
    }

    @Test
    void reachesOnlyTheI2cAndGpioDevicesAndNeedsNoGroupThatMayBeMissing() {
        assertThat(service).containsEntry("DevicePolicy", List.of("closed"))
                .containsEntry("DeviceAllow", List.of("char-i2c rw", "char-gpiochip rw"))
                // PrivateDevices would hide /dev/i2c-*; SupplementaryGroups fails the unit when a group is missing.
                .doesNotContainKeys("PrivateDevices", "SupplementaryGroups");
    }
}
