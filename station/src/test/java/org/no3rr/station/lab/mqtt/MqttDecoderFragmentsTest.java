package org.no3rr.station.lab.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MQTT decoder that Vert.x's client puts on every connection (Netty's {@link MqttDecoder}, default size
 * limit) must take a message that arrives in pieces, as TCP may deliver it. Netty 4.1.133 (the version the
 * Quarkus BOM brings) rejected any message whose variable header was split across two reads as "too long"
 * (netty/netty#16776); Vert.x then closed the connection, so the lab's follower reconnected, was handed the
 * same retained message, and closed again, every second. The root pom imports a fixed Netty; this test
 * fails if a BOM brings the broken decoder back.
 */
class MqttDecoderFragmentsTest {

    private static final String TOPIC = "no3rr/bench-a/status";
    private static final String PAYLOAD = "{\"stationId\":\"bench-a\",\"state\":\"online\"}";

    @Test
    void aPublishWhoseTopicArrivesInTwoPiecesIsDecodedWhole() {
        byte[] packet = qos1Publish(TOPIC, 7, PAYLOAD);
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder());
        int split = 2 + 2 + 5; // fixed header, topic length, then the first five letters of the topic
        channel.writeInbound(Unpooled.wrappedBuffer(packet, 0, split));
        channel.writeInbound(Unpooled.wrappedBuffer(packet, split, packet.length - split));

        MqttPublishMessage message = nextPublish(channel);
        assertThat(message.variableHeader().topicName()).isEqualTo(TOPIC);
        assertThat(message.variableHeader().packetId()).isEqualTo(7);
        assertThat(message.payload().toString(StandardCharsets.UTF_8)).isEqualTo(PAYLOAD);
        message.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void twoPublishesInOneReadTheSecondCutShortAreBothDecoded() {
        byte[] first = qos1Publish(TOPIC, 1, PAYLOAD);
        byte[] second = qos1Publish("no3rr/bench-a/channels/ch1", 2, PAYLOAD);
        ByteBuf firstRead = Unpooled.buffer().writeBytes(first).writeBytes(second, 0, 6);
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder());
        channel.writeInbound(firstRead);
        channel.writeInbound(Unpooled.wrappedBuffer(second, 6, second.length - 6));

        for (int packetId = 1; packetId <= 2; packetId++) {
            MqttPublishMessage message = nextPublish(channel);
            assertThat(message.variableHeader().packetId()).isEqualTo(packetId);
            message.release();
        }
        assertThat(channel.finish()).isFalse();
    }

    private static MqttPublishMessage nextPublish(EmbeddedChannel channel) {
        MqttMessage decoded = channel.readInbound();
        assertThat(decoded.decoderResult().cause()).as("the decoder's failure").isNull();
        return (MqttPublishMessage) decoded;
    }

    /** A QoS 1 PUBLISH as a broker sends it (MQTT 3.1.1, section 3.3), for a message under 128 bytes. */
    private static byte[] qos1Publish(String topic, int packetId, String payload) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        int remaining = 2 + name.length + 2 + body.length;
        assertThat(remaining).as("one-byte remaining length").isLessThan(128);
        ByteBuf packet = Unpooled.buffer()
                .writeByte(0x32) // PUBLISH, QoS 1
                .writeByte(remaining)
                .writeShort(name.length).writeBytes(name)
                .writeShort(packetId)
                .writeBytes(body);
        byte[] bytes = new byte[packet.readableBytes()];
        packet.readBytes(bytes);
        return bytes;
    }
}
