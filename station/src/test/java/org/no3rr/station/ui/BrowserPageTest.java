package org.no3rr.station.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.no3rr.station.security.AccessToken;

import java.net.URL;
import java.util.HashSet;
import java.util.Set;

/**
 * What the page tests share: one phone-sized browser per class, a client of the station's API
 * with its token, and the runs a class started, stopped when the class is done so that the
 * next class finds its channels free.
 */
abstract class BrowserPageTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AccessToken token;

    Browser browser;
    StationApi api;
    final Set<Long> runs = new HashSet<>();

    /** Opens the API client and the browser; call first in the class's {@code @BeforeAll}. */
    void openBrowser() {
        api = new StationApi(base, token.value());
        browser = Browser.open(base).phone();
    }

    /** Starts a run through the API and remembers it for the clean-up. */
    long startRun(String channel, String protocol, String cell) {
        long run = api.startRun(channel, protocol, cell);
        runs.add(run);
        return run;
    }

    @AfterAll
    void closeBrowserAndStopRuns() {
        if (browser != null) {
            browser.close();
        }
        runs.forEach(api::stopIfActive);
    }
}
