package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking forms of WebRTC's callback-style calls, for our own threads only: WebRTC answers on its
 * signaling thread, so waiting there would deadlock. Also the ICE settings that keep media on
 * loopback.
 */
final class WebRtc {
    static final long TIMEOUT_SECONDS = 10;

    private WebRtc() {
    }

    /**
     * ICE settings. Loopback: libwebrtc gathers no candidates on the loopback interface, so sockets
     * bind to the any-address and host candidates are rewritten to 127.0.0.1 before they are signalled.
     */
    static RTCConfiguration configuration(boolean loopback) {
        RTCConfiguration config = new RTCConfiguration();
        if (loopback) {
            config.portAllocatorConfig.flags = PortAllocatorConfig.PORTALLOCATOR_DISABLE_ADAPTER_ENUMERATION
                    | PortAllocatorConfig.PORTALLOCATOR_ENABLE_ANY_ADDRESS_PORTS
                    | PortAllocatorConfig.PORTALLOCATOR_DISABLE_TCP
                    | PortAllocatorConfig.PORTALLOCATOR_DISABLE_STUN
                    | PortAllocatorConfig.PORTALLOCATOR_DISABLE_RELAY;
        }
        return config;
    }

    /** A host candidate with its address replaced by 127.0.0.1 ("candidate:F 1 udp PRIO ADDR PORT typ host ..."). */
    static RTCIceCandidate toLoopback(RTCIceCandidate candidate) {
        String[] fields = candidate.sdp.split(" ");
        if (fields.length > 7 && "host".equals(fields[7])) {
            fields[4] = "127.0.0.1";
        }
        return new RTCIceCandidate(candidate.sdpMid, candidate.sdpMLineIndex, String.join(" ", fields), candidate.serverUrl);
    }

    /** Whether a candidate is a UDP candidate on 127.0.0.1. */
    static boolean isLoopbackUdp(RTCIceCandidate candidate) {
        String[] fields = candidate.sdp.split(" ");
        return fields.length > 5 && "udp".equalsIgnoreCase(fields[2]) && "127.0.0.1".equals(fields[4]);
    }

    static RTCSessionDescription createOffer(RTCPeerConnection pc) throws MediaFailure {
        CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), observer(done));
        return await(done, "createOffer");
    }

    static RTCSessionDescription createAnswer(RTCPeerConnection pc) throws MediaFailure {
        CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), observer(done));
        return await(done, "createAnswer");
    }

    static void setLocal(RTCPeerConnection pc, RTCSessionDescription description) throws MediaFailure {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pc.setLocalDescription(description, setObserver(done));
        await(done, "setLocalDescription");
    }

    static void setRemote(RTCPeerConnection pc, RTCSessionDescription description) throws MediaFailure {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pc.setRemoteDescription(description, setObserver(done));
        await(done, "setRemoteDescription");
    }

    private static CreateSessionDescriptionObserver observer(CompletableFuture<RTCSessionDescription> done) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                done.complete(description);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private static SetSessionDescriptionObserver setObserver(CompletableFuture<Void> done) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws MediaFailure {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new MediaFailure(what + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new MediaFailure(what + " did not finish within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaFailure(what + " was interrupted");
        }
    }

    /** A WebRTC operation failed; the link that tried it closes. */
    static final class MediaFailure extends Exception {
        private static final long serialVersionUID = 1L;

        MediaFailure(String message) {
            super(message, null, false, false);
        }
    }
}
