package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.TabBar;
import dev.ttrtc.runtime.WindowState;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** The state messages the page gets: the shown mini-program, the rooms and the Java participants. */
final class SimulatorViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorViews() {
    }

    /** {@code instance}: its route, page stack, query and page data. */
    static ObjectNode instance(MiniProgram program) {
        ObjectNode message = Simulator.message("instance");
        message.put("id", program.id());
        message.put("route", program.route());
        message.set("stack", JSON.valueToTree(program.pageStack()));
        message.set("query", JSON.valueToTree(program.query()));
        message.set("data", program.pageData());
        return message;
    }

    /**
     * {@code window}: what frames the page on a phone — the window size, the navigation bar and
     * the tabBar (null when app.json has none or it is hidden).
     */
    static ObjectNode window(MiniProgram program) {
        ObjectNode message = Simulator.message("window");
        WindowState window = program.window();
        SystemInfo phone = program.view().systemInfo();
        message.put("width", phone.number("windowWidth"));
        message.put("height", phone.number("windowHeight"));
        message.set("navigationBar", JSON.valueToTree(window.navigationBar()));
        message.set("tabBar", window.tabBar().filter(TabBar::shown).map(t -> (JsonNode) JSON.valueToTree(t)).orElse(null));
        return message;
    }

    /** {@code view}: the room the mini-program is in and its members as it sees them. */
    static ObjectNode view(MiniProgram program) {
        ObjectNode message = Simulator.message("view");
        RtcRoom room = MiniProgramRtc.of(program).currentRoom();
        message.put("inRoom", room != null && room.isJoined());
        if (room != null) {
            UserId me = room.userId();
            message.put("roomId", room.roomId().value());
            message.put("userId", me == null ? null : me.value());
            ArrayNode members = message.putArray("members");
            for (RoomMember m : room.members()) {
                ObjectNode member = members.addObject();
                member.put("userId", m.userId().value());
                member.put("local", m.local());
                member.put("speaking", m.speaking());
                member.set("state", JSON.valueToTree(m.state()));
            }
        }
        return message;
    }

    /** {@code rooms}: every room as the server sees it, or the reason it did not answer. */
    static ObjectNode rooms(Supplier<List<RoomSnapshot>> rooms) {
        ObjectNode message = Simulator.message("rooms");
        List<RoomSnapshot> snapshot;
        try {
            snapshot = rooms.get();
        } catch (RuntimeException e) {
            message.put("error", "the room server does not answer: " + e.getMessage());
            return message;
        }
        message.set("rooms", JSON.valueToTree(snapshot));
        return message;
    }

    /** {@code remotes}: the page's Java participants and what they publish. */
    static ObjectNode remotes(Collection<RemoteParticipant> remotes) {
        ObjectNode message = Simulator.message("remotes");
        ArrayNode list = message.putArray("remotes");
        remotes.stream().sorted(Comparator.comparing(RemoteParticipant::userId)).forEach(p -> {
            ObjectNode r = list.addObject();
            r.put("userId", p.userId());
            r.put("roomId", p.roomId());
            r.put("joined", p.isJoined());
            r.put("talk", p.microphone());
            p.members().stream().filter(RoomMember::local).findFirst()
                    .ifPresent(self -> r.set("state", JSON.valueToTree(self.state())));
        });
        return message;
    }
}
