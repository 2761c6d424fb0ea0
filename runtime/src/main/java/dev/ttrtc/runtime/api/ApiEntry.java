package dev.ttrtc.runtime.api;

import java.util.Objects;

/**
 * What a {@link TtApiModule} declares about one API it puts on {@code tt}: its name, how it
 * answers and how faithful it is. The declarations of every module make up the host's API
 * catalogue ({@link dev.ttrtc.runtime.ApiCatalogue}), which answers {@code tt.canIUse}, decides
 * which of the platform's APIs get a "not available" stand-in, and generates {@code docs/apis.md}.
 *
 * @param name the name on {@code tt}, for example {@code login}
 * @param form how the API answers
 * @param status how faithfully the host implements it
 * @param note one line for the documentation table: what the host does where it differs from a
 *     phone (required for {@link Status#HOST_RULE}), may be empty otherwise
 */
public record ApiEntry(String name, Form form, Status status, String note) {

    /** How an API answers. */
    public enum Form {
        /** {@code tt.x(params)} answering through success/fail/complete. */
        ASYNC("async"),
        /** {@code tt.x(...args)} returning its result or throwing; listener registrations are sync. */
        SYNC("sync"),
        /** A property such as {@code tt.env}. */
        VALUE("value");

        private final String wireName;

        Form(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The form named {@code async}, {@code sync} or {@code value}. */
        public static Form of(String wireName) {
            for (Form form : values()) {
                if (form.wireName.equals(wireName)) {
                    return form;
                }
            }
            throw new IllegalArgumentException("unknown API form \"" + wireName + "\"");
        }
    }

    /** How faithfully the host implements an API. */
    public enum Status {
        /** Behaves as on a phone, with the documented payloads. */
        IMPLEMENTED("implemented"),
        /** Works, with a rule of this host where a phone has hardware or a service (the note says which). */
        HOST_RULE("host rule"),
        /** Present, but fails with {@code <name>:fail not available in tt-rtc-host}. */
        NOT_AVAILABLE("not available");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ApiEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(status, "status");
        note = note == null ? "" : note;
        if (status == Status.HOST_RULE && note.isBlank()) {
            throw new IllegalArgumentException("tt." + name + " is a host rule and needs a note saying which");
        }
    }

    public static ApiEntry async(String name) {
        return new ApiEntry(name, Form.ASYNC, Status.IMPLEMENTED, "");
    }

    public static ApiEntry sync(String name) {
        return new ApiEntry(name, Form.SYNC, Status.IMPLEMENTED, "");
    }

    /** The same API as a host rule with {@code why} as its note. */
    public ApiEntry hostRule(String why) {
        return new ApiEntry(name, form, Status.HOST_RULE, why);
    }

    /** The same API with a note (a documented detail that is no host rule). */
    public ApiEntry note(String text) {
        return new ApiEntry(name, form, status, text);
    }
}
