package dev.ttrtc.runtime;

/**
 * Where the simulated phone is, as its GPS reports it (WGS84): what {@code tt.getLocation}
 * answers ({@link LaunchOptions.Builder#position}). {@link #defaults()} is Tiananmen Square,
 * Beijing, standing still with a 30 m fix, so that location pages work without setting one.
 *
 * @param latitude degrees, -90 to 90 (north positive)
 * @param longitude degrees, -180 to 180 (east positive)
 * @param altitude metres
 * @param accuracy metres, the fix's horizontal and vertical accuracy alike
 */
public record Position(double latitude, double longitude, double altitude, double accuracy) {

    /** @throws IllegalArgumentException when a coordinate is out of range or the accuracy not positive */
    public Position {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("a position is a latitude from -90 to 90 and a longitude from -180 to 180, not "
                    + latitude + ", " + longitude);
        }
        if (!Double.isFinite(altitude) || !(accuracy > 0) || !Double.isFinite(accuracy)) {
            throw new IllegalArgumentException("a position's altitude must be a number and its accuracy above 0 m");
        }
    }

    /** At {@code latitude}, {@code longitude}, at sea level with a 30 m fix. */
    public static Position at(double latitude, double longitude) {
        return new Position(latitude, longitude, 0, 30);
    }

    public static Position defaults() {
        return at(39.9087, 116.3975);
    }
}
