package org.no3rr.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** shellcheck finds nothing, at any severity, in the scripts as the package ships them. */
class ShellScriptsIT {

    @Test
    void maintainerScriptsPassShellcheck(@TempDir Path control) {
        String shellcheck = RequiredTool.require("shellcheck", "shellcheck").toString();
        BuiltPackage.control(control);

        assertClean(shellcheck, control.resolve("postinst"), control.resolve("prerm"), control.resolve("postrm"));
    }

    @Test
    void commandScriptsPassShellcheckWithTheFileTheySource(@TempDir Path root) {
        String shellcheck = RequiredTool.require("shellcheck", "shellcheck").toString();
        BuiltPackage.unpack(root);

        // -x follows the `source` of settings.sh, so its variables and functions are checked in use.
        assertClean(shellcheck + " -x", root.resolve("usr/sbin/no3rr-station-backup"),
                root.resolve("usr/sbin/no3rr-station-restore"), root.resolve("usr/sbin/no3rr-station-token"),
                root.resolve("usr/sbin/no3rr-station-certificate"), root.resolve("usr/lib/no3rr-station/settings.sh"));
    }

    private static void assertClean(String shellcheck, Path... scripts) {
        List<String> command = new ArrayList<>(List.of(shellcheck.split(" ")));
        command.add("--severity=style");
        for (Path script : scripts) {
            command.add(script.toString());
        }
        Command.Result result = Command.run(Duration.ofSeconds(60), Map.of(), command);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout() + result.stderr()).isEmpty();
    }
}
