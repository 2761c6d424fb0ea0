package dev.ttrtc.view.internal.ttml;

import java.util.List;

/**
 * A text or attribute value: literal text and {@code {{ }}} expressions. A value that is one
 * binding and nothing else ({@code "{{list}}"}) keeps the expression's type; any other mix is
 * string concatenation ({@code " {{list}} "} is a string, as on the platform).
 *
 * @param parts {@link String}s and {@link Expr}s in order
 */
public record Interpolation(List<Object> parts, Location location) {

    /** The expression when the value is exactly one binding, else null. */
    public Expr single() {
        return parts.size() == 1 && parts.get(0) instanceof Expr e ? e : null;
    }

}
