package dev.ttrtc.bridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MemberInfo;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.testkit.CallRecorder;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A message that overtakes the join answer on its way to the engine thread (a member joining just
 * after this one) must reach the handler after the join, not be lost. The real room server sends
 * the answer first and the overtaking happens only in a race between threads, so this test's
 * server is a script that sends the member's arrival before the answer: the same state for the
 * engine (a message while joining), every time.
 */
class EarlyMessagesTest {
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");

    @Test
    void a_member_announced_before_the_join_answer_reaches_the_handler_after_the_join() throws Exception {
        Undertow script = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.websocket((exchange, channel) -> {
                    channel.getReceiveSetter().set(new AbstractReceiveListener() {
                        @Override
                        protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage text) throws RtcException {
                            if (MessageCodec.readClient(text.getData()) instanceof ClientMessage.Join join) {
                                send(ch, new ServerMessage.MemberJoined(new MemberInfo("carol", MediaState.NONE, false)));
                                send(ch, new ServerMessage.Joined(join.id(), "session-1", 0, false,
                                        List.of(new MemberInfo("bob", MediaState.NONE, false))));
                            }
                        }
                    });
                    channel.resumeReceives();
                })).build();
        script.start();
        try {
            int port = ((InetSocketAddress) script.getListenerInfo().get(0).getAddress()).getPort();
            URI signal = URI.create("ws://127.0.0.1:" + port + "/signal");
            try (RtcEngine engine = RtcEngine.create(EngineConfig.of(signal, AppId.of(DevelopmentApp.APP_ID), "bob")
                    .withMedia(MediaConfig.SIGNALLING_ONLY))) {
                CallRecorder bob = new CallRecorder("bob's room events");
                RtcRoom room = engine.createRoom(RoomId.of("r"));
                room.setRoomEventHandler(new RecordingRoomEventHandler(bob));
                room.join(RtcEngineTest.token("r", "bob"), BOB, RoomConfig.DEFAULT).get(10, TimeUnit.SECONDS);

                bob.assertNext("RoomStateChanged", RoomId.of("r"), BOB, 0, 0);
                bob.assertNext("UserJoined", CAROL);
                assertEquals(List.of(BOB, CAROL), room.members().stream().map(RoomMember::userId).toList());
            }
        } finally {
            script.stop();
        }
    }

    private static void send(WebSocketChannel channel, ServerMessage message) {
        WebSockets.sendText(MessageCodec.write(message), channel, null);
    }
}
