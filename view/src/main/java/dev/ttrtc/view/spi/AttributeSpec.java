package dev.ttrtc.view.spi;

/**
 * A documented attribute of a built-in component.
 *
 * @param name as the template writes it ({@code form-type})
 * @param type how its value is read
 * @param defaultValue the documented default: a String, Double, Boolean or null
 */
public record AttributeSpec(String name, Type type, Object defaultValue) {

    public enum Type { STRING, NUMBER, BOOLEAN, ANY }

    public static AttributeSpec string(String name, String defaultValue) {
        return new AttributeSpec(name, Type.STRING, defaultValue);
    }

    public static AttributeSpec number(String name, double defaultValue) {
        return new AttributeSpec(name, Type.NUMBER, defaultValue);
    }

    public static AttributeSpec bool(String name, boolean defaultValue) {
        return new AttributeSpec(name, Type.BOOLEAN, defaultValue);
    }

    public static AttributeSpec any(String name) {
        return new AttributeSpec(name, Type.ANY, null);
    }
}
