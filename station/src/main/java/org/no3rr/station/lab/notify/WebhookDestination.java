package org.no3rr.station.lab.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.no3rr.station.lab.LabEventType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A webhook: one POST per notification, delivered when it answers 2xx. */
final class WebhookDestination implements Destination {

    private final URI url;
    private final WebhookFormat format;
    private final Set<LabEventType> events;
    private final HttpClient http;
    private final ObjectMapper json;

    WebhookDestination(URI url, WebhookFormat format, Set<LabEventType> events, HttpClient http, ObjectMapper json) {
        this.url = url;
        this.format = format;
        this.events = events;
        this.http = http;
        this.json = json;
    }

    /**
     * @throws IllegalArgumentException naming the key and the value when it is not an http(s) URL
     */
    static URI checkedUrl(int index, String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("station.notify.webhooks[" + index + "].url is not an http:// or "
                    + "https:// URL (e.g. https://ntfy.sh/my-lab)");
        }
        return uri;
    }

    @Override
    public String name() {
        return "webhook " + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + " (" + format.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public Set<LabEventType> events() {
        return events;
    }

    @Override
    public CompletionStage<Void> send(Notification notification) {
        return http.sendAsync(format.request(url, notification, json), HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new CompletionException(new IllegalStateException("answered HTTP " + response.statusCode()));
                    }
                    return null;
                });
    }
}
