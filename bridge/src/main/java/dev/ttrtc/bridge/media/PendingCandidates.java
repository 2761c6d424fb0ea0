package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * The other side's ICE candidates for one link: a candidate may arrive before the remote
 * description it belongs to, so it is held until that is set. Engine thread only.
 */
final class PendingCandidates {
    private final List<RTCIceCandidate> held = new ArrayList<>();
    private boolean remoteDescriptionSet;

    void add(RTCPeerConnection pc, RTCIceCandidate candidate) {
        if (remoteDescriptionSet) {
            pc.addIceCandidate(candidate);
        } else {
            held.add(candidate);
        }
    }

    /** The remote description of {@code pc} is set: what was held is applied, later ones at once. */
    void remoteDescriptionSet(RTCPeerConnection pc) {
        if (!remoteDescriptionSet) {
            remoteDescriptionSet = true;
            held.forEach(pc::addIceCandidate);
            held.clear();
        }
    }
}
