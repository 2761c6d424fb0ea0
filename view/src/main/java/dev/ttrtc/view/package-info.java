/**
 * The view layer of a mini-program: TTML templates compiled and rendered into one render tree per
 * page, TTSS turned into CSS, events dispatched back to the logic layer, and the built-in
 * components. It knows nothing of RTC; {@code rtc-room} is contributed by the bridge through an
 * extension point.
 */
package dev.ttrtc.view;
