package org.no3rr.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the built .deb holds, read with dpkg-deb the way dpkg and apt will read it. */
class DebPackageIT {

    private static final String APP = "/usr/share/no3rr-station/quarkus-app/";

    /** path -> "mode owner/group" from `dpkg-deb -c`, directories with a trailing slash. */
    private static Map<String, String> entries;

    @BeforeAll
    static void list() {
        RequiredTool.require("dpkg-deb", "dpkg");
        entries = new LinkedHashMap<>();
        for (String line : Command.check("dpkg-deb", "-c", BuiltPackage.file().toString()).split("\n")) {
            String[] f = line.trim().split("\\s+", 6);
            entries.put(f[5].replaceFirst("^\\./", "/"), f[0] + " " + f[1]);
        }
    }

    @Test
    void controlFieldsNameThePackageAndAJava17Runtime() {
        String deb = BuiltPackage.file().toString();
        assertThat(field(deb, "Package")).isEqualTo("no3rr-station");
        assertThat(field(deb, "Architecture")).isEqualTo("all");
        assertThat(field(deb, "Version")).matches("0\\.1\\.0~\\d{14}");
        assertThat(field(deb, "Depends")).isEqualTo(
                "default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless | java17-runtime-headless, curl, passwd, openssl");
        assertThat(Command.check("dpkg-deb", "-I", deb)).contains(" Installed-Size: ", " postinst ", " prerm ", " postrm ");
    }

    @Test
    void installsTheApplicationReadOnlyUnderUsrShare() {
        assertThat(entries).containsEntry(APP + "quarkus-run.jar", "-rw-r--r-- root/root")
                .containsEntry(APP + "app/station-0.1.0-SNAPSHOT.jar", "-rw-r--r-- root/root");
        assertThat(entries.keySet()).anyMatch(p -> p.matches(APP.replace(".", "\\.") + "lib/main/com\\.h2database\\.h2-[\\d.]+\\.jar"));
    }

    @Test
    void installsTheUnitTheConfigurationTheScriptsAndTheDocs() {
        assertThat(entries)
                .containsEntry("/usr/lib/systemd/system/no3rr-station.service", "-rw-r--r-- root/root")
                .containsEntry("/etc/no3rr-station/application.properties", "-rw-r--r-- root/root")
                .containsEntry("/usr/sbin/no3rr-station-backup", "-rwxr-xr-x root/root")
                .containsEntry("/usr/sbin/no3rr-station-restore", "-rwxr-xr-x root/root")
                .containsEntry("/usr/sbin/no3rr-station-token", "-rwxr-xr-x root/root")
                .containsEntry("/usr/sbin/no3rr-station-certificate", "-rwxr-xr-x root/root")
                .containsEntry("/usr/lib/no3rr-station/settings.sh", "-rw-r--r-- root/root")
                .containsEntry("/usr/share/doc/no3rr-station/deploy.md", "-rw-r--r-- root/root")
                // Relative, so it resolves in an unpacked copy too; the unit's working directory is its parent.
                .containsEntry("/usr/share/no3rr-station/config -> ../../../etc/no3rr-station", "lrwxrwxrwx root/root");
    }

    @Test
    void everyEntryBelongsToRootAndStaysInItsPlaces() {
        assertThat(entries.values()).allMatch(v -> v.endsWith(" root/root"));
        // The data directory is made by postinst, owned by no3rr: dpkg must not own (or ever remove) it.
        assertThat(entries.keySet()).allMatch(p -> p.startsWith("/usr/share/no3rr-station/")
                || p.startsWith("/usr/share/doc/no3rr-station/") || p.startsWith("/usr/lib/no3rr-station/")
                || p.startsWith("/usr/lib/systemd/system/") || p.startsWith("/usr/sbin/") || p.startsWith("/etc/no3rr-station/")
                || List.of("/usr/", "/usr/share/", "/usr/share/doc/", "/usr/lib/", "/usr/lib/systemd/", "/etc/").contains(p), "a path under the package's own prefixes");
        assertThat(entries.keySet()).noneMatch(p -> p.startsWith("/var/"));
    }

    @Test
    void configurationIsAConffileAndPointsAtTheDataDirectory(@TempDir Path control, @TempDir Path root) throws Exception {
        BuiltPackage.control(control);
        assertThat(Files.readAllLines(control.resolve("conffiles"))).containsExactly("/etc/no3rr-station/application.properties");

        String config = Files.readString(BuiltPackage.unpack(root).resolve("etc/no3rr-station/application.properties"));
        assertThat(config).containsPattern("(?m)^station\\.data-dir=/var/lib/no3rr-station$")
                .containsPattern("(?m)^quarkus\\.http\\.port=8080$")
                .containsPattern("(?m)^station\\.hal\\.backend=simulated$")
                .containsPattern("(?m)^quarkus\\.http\\.ssl-port=8443$")
                .containsPattern("(?m)^quarkus\\.http\\.ssl\\.certificate\\.files=/etc/no3rr-station/tls/station\\.crt$")
                .containsPattern("(?m)^quarkus\\.http\\.ssl\\.certificate\\.key-files=/etc/no3rr-station/tls/station\\.key$");
    }

    @Test
    void maintainerScriptsAreExecutableBashScripts(@TempDir Path control) throws Exception {
        BuiltPackage.control(control);
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = control.resolve(script);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(script).isEqualTo("rwxr-xr-x");
            assertThat(Files.readAllLines(file)).as(script).startsWith("#!/bin/bash").contains("set -euo pipefail");
        }
        assertThat(control.resolve("preinst")).doesNotExist();
    }

    private static String field(String deb, String name) {
        return Command.check("dpkg-deb", "-f", deb, name).trim();
    }
}
