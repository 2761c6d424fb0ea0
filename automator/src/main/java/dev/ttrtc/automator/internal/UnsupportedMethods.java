package dev.ttrtc.automator.internal;

import java.util.Map;
import java.util.Optional;

/** The client's methods that mean nothing in tt-rtc-host, each with the reason the error gives. */
final class UnsupportedMethods {
    private static final String NO_DEVTOOLS = "there is no devtools account, ticket or remote device behind a headless host";
    private static final Map<String, String> REASONS = Map.of(
            "Tool.enableRemoteDebug", "remote debugging needs a phone; the host is already headless and local",
            "Tool.getTestAccounts", NO_DEVTOOLS,
            "Tool.getTicket", NO_DEVTOOLS,
            "Tool.setTicket", NO_DEVTOOLS,
            "Tool.refreshTicket", NO_DEVTOOLS,
            "Tool.stopAudits", "the devtools' audits are not run here",
            "Tool.native", "there is no native UI (modals are answered by launch options and mocks)");

    private UnsupportedMethods() {
    }

    static Optional<String> reason(String method) {
        return Optional.ofNullable(REASONS.get(method));
    }
}
