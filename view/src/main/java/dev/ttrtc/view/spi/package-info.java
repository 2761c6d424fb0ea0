/**
 * The extension point for built-in components: a {@link dev.ttrtc.view.spi.ComponentProvider}
 * found with {@link java.util.ServiceLoader} adds a tag (the bridge contributes {@code rtc-room}
 * this way). The view's own built-ins are written against the same interfaces, one small class
 * each. Everything here runs on the instance's loop thread unless a method says otherwise.
 */
package dev.ttrtc.view.spi;
