package dev.ttrtc.automator.internal;

import java.util.Locale;

/**
 * Every error the endpoint answers with, as {@code {id, error: {message}}}. The client turns the
 * message into a rejected promise ({@code Error(message)}), so each text says what went wrong in
 * the script's terms; nothing from Java (class names, exception text) goes into one.
 */
enum AutomatorError {
    /** The frame is not a JSON object. */
    NOT_JSON("the frame is not a JSON object: %s"),
    /** The frame lacks an id or a method, or they have the wrong type. */
    BAD_FRAME("the frame needs a string \"id\" and a string \"method\": %s"),
    /** {@code params} is present but not an object. */
    BAD_PARAMS("\"params\" must be an object"),
    /** A parameter the method needs is missing or has the wrong type. */
    BAD_PARAM("%s: parameter \"%s\" %s"),
    /** No such method in the client's protocol. */
    UNKNOWN_METHOD("unknown method %s"),
    /** A method of the protocol that has no meaning in tt-rtc-host. */
    UNSUPPORTED("%s is not supported by tt-rtc-host: %s"),
    /** The page id names no page of the current stack. */
    NO_PAGE("page %s is not in the page stack"),
    /** Elements live in the rendered top page only. */
    NOT_TOP_PAGE("page %s is not the top page: tt-rtc-host renders the top page only"),
    /** The element id names nothing this connection handed out, or its node left the page. */
    NO_ELEMENT("element %s is not in the page"),
    /** Page.getElement / Element.getElement found nothing (the client turns this into null). */
    NOT_FOUND("no element matches %s"),
    /** The selector is outside the supported grammar. */
    BAD_SELECTOR("%s"),
    /** The element cannot do what was asked. */
    ELEMENT_CANNOT("<%s> %s"),
    /** The instance's JS threw or an API failed; the text is the script's own message. */
    SCRIPT("%s"),
    /** The instance did not answer in time (a promise that never settles, a busy loop). */
    TIMEOUT("%s did not finish within %d s"),
    /** No instance is running behind this endpoint (closed, or relaunching). */
    NO_INSTANCE("the mini-program is not running"),
    /** Headless Chromium, which renders screenshots, is missing or failed. */
    SCREENSHOT("screenshot failed: %s");

    private final String template;

    AutomatorError(String template) {
        this.template = template;
    }

    AutomatorException error(Object... args) {
        return new AutomatorException(this, String.format(Locale.ROOT, template, args));
    }
}
