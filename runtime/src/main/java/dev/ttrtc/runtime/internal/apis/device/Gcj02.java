package dev.ttrtc.runtime.internal.apis.device;

/**
 * WGS84 (GPS) coordinates to GCJ-02, the obfuscated system Chinese maps use and
 * {@code tt.getLocation({type: "gcj02"})} answers in: the published conversion (Krasovsky
 * ellipsoid, offsets from two polynomial-and-sine series). Outside mainland China (its bounding
 * box) the two systems agree and the coordinates are returned unchanged.
 */
final class Gcj02 {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {
    }

    /** {latitude, longitude} in GCJ-02. */
    static double[] fromWgs84(double latitude, double longitude) {
        if (longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271) {
            return new double[] {latitude, longitude};
        }
        double x = longitude - 105.0;
        double y = latitude - 35.0;
        double dLat = latitudeOffset(x, y);
        double dLng = longitudeOffset(x, y);
        double radLat = Math.toRadians(latitude);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = dLat * 180.0 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = dLng * 180.0 / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {latitude + dLat, longitude + dLng};
    }

    private static double latitudeOffset(double x, double y) {
        double offset = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        offset += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        offset += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        offset += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return offset;
    }

    private static double longitudeOffset(double x, double y) {
        double offset = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        offset += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        offset += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        offset += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return offset;
    }
}
