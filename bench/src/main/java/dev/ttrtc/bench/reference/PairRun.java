package dev.ttrtc.bench.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a reference pair, whatever kind: A is in the room, B joins; every time is in
 * milliseconds from B's join call (null when it never happened within the timeout). The same
 * shape comes from a child JVM (as a JSON line) and from the Chromium driver.
 *
 * @param warmup the unmeasured first run
 * @param joinedMs B's join call → B's join completed (the signalling join)
 * @param links what each participant received from the other: {@code a>b} is B receiving A
 * @param cpuCorePercent the pair's processes' CPU over the steady window, % of one core
 * @param pssMb the pair's processes' proportional set size at the window's end
 * @param processes how many processes that was
 */
record PairRun(boolean warmup, Double joinedMs, List<Link> links, double cpuCorePercent, double pssMb, int processes) {

    /**
     * One direction of the pair.
     *
     * @param connectedMs the receiving peer connection reached "connected"
     * @param firstPacketMs the first RTP packet of any kind arrived
     * @param firstAudioMs the first audio RTP packet arrived (packetsReceived > 0)
     * @param firstVideoMs the first camera frame was decoded (framesDecoded > 0)
     * @param fps camera frames decoded a second over the steady window
     * @param audioPacketsPerSecond audio RTP packets a second over the steady window
     * @param videoSize the received camera frame size at the window's end, {@code 320x240}
     */
    record Link(String name, Double connectedMs, Double firstPacketMs, Double firstAudioMs, Double firstVideoMs, double fps,
            double audioPacketsPerSecond, String videoSize) {
    }

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("warmup", warmup);
        putMillis(node, "joined_ms", joinedMs);
        ArrayNode array = node.putArray("links");
        for (Link link : links) {
            ObjectNode l = array.addObject();
            l.put("link", link.name());
            putMillis(l, "connected_ms", link.connectedMs());
            putMillis(l, "first_packet_ms", link.firstPacketMs());
            putMillis(l, "first_audio_ms", link.firstAudioMs());
            putMillis(l, "first_video_ms", link.firstVideoMs());
            l.put("fps", link.fps());
            l.put("audio_packets_per_second", link.audioPacketsPerSecond());
            l.put("video_size", link.videoSize());
        }
        node.put("cpu_core_percent", cpuCorePercent);
        node.put("pss_mb", pssMb);
        node.put("processes", processes);
        return node;
    }

    static PairRun fromJson(JsonNode node) {
        List<Link> links = new ArrayList<>();
        for (JsonNode l : node.path("links")) {
            links.add(new Link(l.path("link").asText(), millis(l, "connected_ms"), millis(l, "first_packet_ms"),
                    millis(l, "first_audio_ms"), millis(l, "first_video_ms"), l.path("fps").asDouble(),
                    l.path("audio_packets_per_second").asDouble(), l.path("video_size").asText()));
        }
        return new PairRun(node.path("warmup").asBoolean(), millis(node, "joined_ms"), links,
                node.path("cpu_core_percent").asDouble(), node.path("pss_mb").asDouble(), node.path("processes").asInt());
    }

    private static void putMillis(ObjectNode node, String key, Double value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static Double millis(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
