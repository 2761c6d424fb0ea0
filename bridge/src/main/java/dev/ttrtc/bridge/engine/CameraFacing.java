package dev.ttrtc.bridge.engine;

/** Which camera captures: the test pattern shows it. */
public enum CameraFacing {
    FRONT, BACK
}
