package dev.ttrtc.runtime.api;

/** A check that runs before a call and refuses it by throwing (for example: the object was released). */
@FunctionalInterface
public interface ApiGuard {
    void check() throws ApiException;
}
