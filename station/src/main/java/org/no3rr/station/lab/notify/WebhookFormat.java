package org.no3rr.station.lab.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.no3rr.station.lab.LabEventType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * How a webhook wants its POST. {@code json}: the notification as JSON ({@code title}, then the event's
 * fields: {@code stationId, channelId, runId, globalRunId, type, message, unixTimeS, runUrl}). {@code slack}:
 * {@code {"text": …}}, which Slack, Mattermost and Teams incoming webhooks accept. {@code ntfy}: the message as
 * plain text with ntfy's {@code Title}, {@code Click} and {@code Tags} headers.
 */
public enum WebhookFormat {
    JSON,
    NTFY,
    SLACK;

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Map<LabEventType, String> NTFY_TAGS = Map.of(
            LabEventType.PROMPT, "question",
            LabEventType.FAULT, "rotating_light",
            LabEventType.ALARM, "warning",
            LabEventType.RUN_ENDED, "checkered_flag");

    HttpRequest request(URI url, Notification notification, ObjectMapper json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT);
        return switch (this) {
            case JSON -> {
                ObjectNode body = json.createObjectNode().put("title", notification.title());
                body.setAll((ObjectNode) json.valueToTree(notification.event()));
                yield jsonPost(request, body.toString());
            }
            case SLACK -> jsonPost(request, json.createObjectNode()
                    .put("text", notification.title() + "\n" + notification.text()).toString());
            case NTFY -> {
                request.header("Content-Type", "text/plain; charset=utf-8")
                        .header("Title", headerText(notification.title()))
                        .header("Tags", NTFY_TAGS.getOrDefault(notification.event().type(), "information_source"));
                if (notification.event().runUrl() != null) {
                    request.header("Click", notification.event().runUrl());
                }
                yield request.POST(HttpRequest.BodyPublishers.ofString(notification.event().message(),
                        StandardCharsets.UTF_8)).build();
            }
        };
    }

    private static HttpRequest jsonPost(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** A header is ASCII: anything else goes as an RFC 2047 encoded word, which ntfy decodes. */
    static String headerText(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii ? text
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
