package dev.ttrtc.bench;

/**
 * The distribution of one set of samples.
 *
 * @param n how many samples
 * @param p50 the median (nearest rank)
 * @param p95 the 95th percentile (nearest rank; with fewer than 20 samples this is the maximum)
 * @param p99 the 99th percentile (nearest rank; with fewer than 100 samples this is the maximum)
 */
public record Summary(int n, double p50, double p95, double p99, double min, double max, double mean) {
}
