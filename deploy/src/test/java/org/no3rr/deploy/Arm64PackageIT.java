package org.no3rr.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package on the Raspberry Pi's architecture: installed with dpkg into an arm64 Debian root
 * (qemu-user through binfmt_misc), it starts the station on the simulator, and on the Pi4J backend
 * it loads Pi4J's aarch64 native libraries and stops at the self-test with "no such I2C bus" — as
 * a Pi with I2C not enabled would.
 */
class Arm64PackageIT {

    /** Generous: the JVM runs emulated, on a machine that may be building something else. */
    private static final Duration START_LIMIT = Duration.ofMinutes(4);
    private static final String SERVICE_USER = "no3rr";

    @Test
    void thePackageInstallsOnArm64StartsTheSimulatorAndFailsThePi4jSelfTestWithNoSuchI2cBus(@TempDir Path scratch)
            throws Exception {
        long t0 = System.nanoTime();
        Path cache = Arm64Root.cached();
        long rootReady = System.nanoTime();
        try (Arm64Chroot chroot = Arm64Chroot.mount(cache, scratch)) {
            Files.copy(BuiltPackage.file(), chroot.root().resolve("tmp/no3rr-station.deb"));
            Command.Result install = chroot.run(Duration.ofMinutes(2), "dpkg", "-i", "/tmp/no3rr-station.deb");
            assertThat(install.exitCode()).as(install.describe()).isZero();
            assertThat(chroot.run(Duration.ofMinutes(1), "dpkg", "--print-architecture").stdout().trim()).isEqualTo("arm64");
            long installed = System.nanoTime();

            Duration simulatorHealthy = simulatorAnswersHealth(chroot, scratch.resolve("simulator.log"));
            long simulatorDone = System.nanoTime();
            String pi4jLog = pi4jStopsAtTheSelfTest(chroot, scratch.resolve("pi4j.log"));
            long pi4jDone = System.nanoTime();

            assertThat(pi4jLog).as("Pi4J takes the board for a Pi from /proc/device-tree/model")
                    .contains("Detected board type MODEL_4_B by name: " + Arm64Chroot.PI_MODEL);
            assertThat(pi4jLog).as("Pi4J's aarch64 native libraries load")
                    .contains("Library [libgpiod.so] loaded successfully using embedded resource file:"
                            + " [/lib/aarch64/pi4j-gpiod/libgpiod.so]")
                    .contains("Library [libpi4j-gpiod.so] loaded successfully using embedded resource file:"
                            + " [/lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so]");
            assertThat(pi4jLog).as("the self-test names the missing bus")
                    .contains("hardware self-test failed:")
                    .contains("ADS1115 on bus 1 at 0x48 (channel.ch1.adc.address) cannot be reached: no such I2C bus 1 for"
                            + " ADS1115 on bus 1 at 0x48: Sysfs validation failed for I2C bus 1: path"
                            + " '/sys/bus/i2c/devices/i2c-1' does not exist.");
            System.out.printf("arm64 package test: root %d s, install %d s, simulator healthy after %d s (%d s with stop),"
                            + " pi4j self-test failure %d s, total %d s%n",
                    seconds(rootReady - t0), seconds(installed - rootReady), simulatorHealthy.toSeconds(),
                    seconds(simulatorDone - installed), seconds(pi4jDone - simulatorDone), seconds(pi4jDone - t0));
        }
    }

    /** The station as its unit starts it, simulated backend: /q/health answers UP, then it stops on SIGTERM. */
    private static Duration simulatorAnswersHealth(Arm64Chroot chroot, Path log) throws Exception {
        int port = freePort();
        long started = System.nanoTime();
        Process station = startStation(chroot, log, "-Dquarkus.http.port=" + port);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = started + START_LIMIT.toNanos();
            while (true) {
                assertThat(station.isAlive()).as("the station exited early:\n" + Files.readString(log)).isTrue();
                try {
                    HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                assertThat(System.nanoTime()).as("no healthy station within " + START_LIMIT + ":\n" + Files.readString(log))
                        .isLessThan(deadline);
                // Waiting for a process in another architecture's emulator: nothing to await but its port.
                station.waitFor(500, TimeUnit.MILLISECONDS);
            }
            return Duration.ofNanos(System.nanoTime() - started);
        } finally {
            station.destroy();
            if (!station.waitFor(60, TimeUnit.SECONDS)) {
                station.destroyForcibly().waitFor();
            }
        }
    }

    /** The station on the Pi4J backend with the example board: it must exit at its self-test. */
    private static String pi4jStopsAtTheSelfTest(Arm64Chroot chroot, Path log) throws Exception {
        Files.writeString(chroot.root().resolve("etc/no3rr-station/board.properties"), exampleBoard(chroot.root()));
        Process station = startStation(chroot, log, "-Dquarkus.http.port=" + freePort(), "-Dstation.hal.backend=pi4j",
                "-Dstation.hal.board-file=/etc/no3rr-station/board.properties",
                "-Dquarkus.log.category.\"com.pi4j\".level=DEBUG");
        if (!station.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            station.destroyForcibly().waitFor();
            throw new AssertionError("the station on the pi4j backend did not stop within " + START_LIMIT + ":\n"
                    + Files.readString(log));
        }
        assertThat(station.exitValue()).as("a failed self-test stops the start").isNotZero();
        return Files.readString(log);
    }

    /**
     * The unit's ExecStart, in its WorkingDirectory, as its user, with {@code properties} before -jar,
     * and the JIT held at C1: under emulation compiling is most of the start (measured on this
     * machine: 41 s against 65 s to a healthy station), and C1 changes nothing the test looks at.
     */
    private static Process startStation(Arm64Chroot chroot, Path log, String... properties) {
        // The unit's own words, as systemd would run them inside the root.
        String under = chroot.root().toString();
        List<String> execStart = PackagedStation.execStart(chroot.root()).stream().map(w -> w.replace(under, "")).toList();
        List<String> command = new ArrayList<>();
        command.add(execStart.get(0));
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of(properties));
        command.addAll(execStart.subList(1, execStart.size()));
        String directory = "/" + chroot.root().relativize(PackagedStation.workingDirectory(chroot.root()));
        return chroot.start(SERVICE_USER, directory, log, command);
    }

    /** The example board file as shipped in the package's hal jar. */
    private static String exampleBoard(Path root) throws IOException {
        Path lib = root.resolve("usr/share/no3rr-station/quarkus-app/lib/main");
        try (Stream<Path> jars = Files.list(lib)) {
            Path hal = jars.filter(j -> j.getFileName().toString().startsWith("org.no3rr.hal-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no hal jar in " + lib));
            try (ZipFile zip = new ZipFile(hal.toFile());
                 InputStream in = zip.getInputStream(zip.getEntry("org/no3rr/hal/board/example-board.properties"))) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }
}
