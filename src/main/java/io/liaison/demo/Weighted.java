package io.liaison.demo;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Picks one of a list of values with given weights, in O(log n) per pick. */
final class Weighted<T> {

    private final List<T> values;
    private final double[] cumulative;

    Weighted(List<T> values, double[] weights) {
        if (values.size() != weights.length) {
            throw new IllegalArgumentException("one weight per value");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** Zipf-like weights 1, 1/2^s, 1/3^s ... for values in order of popularity. */
    static <T> Weighted<T> zipf(List<T> values, double exponent) {
        double[] weights = new double[values.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / Math.pow(i + 1, exponent);
        }
        return new Weighted<>(values, weights);
    }

    T pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return values.get(i >= 0 ? i : Math.min(-i - 1, values.size() - 1));
    }

    int size() {
        return values.size();
    }
}
