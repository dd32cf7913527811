package io.liaison.demo;

/**
 * A set of longs in one array (open addressing), for the mobiles and e-mail hashes already taken:
 * a million of them cost 16 MB instead of the 60 MB of a HashSet of Longs. Zero is never stored.
 */
final class LongSet {

    private long[] slots = new long[1 << 16];
    private int size;

    /** Adds {@code value}; answers false when it was there already. */
    boolean add(long value) {
        if (value == 0) {
            throw new IllegalArgumentException("0 is not storable");
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = insert(slots, value);
        if (added) {
            size++;
        }
        return added;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = (int) mix(value) & mask;
        while (table[i] != 0) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = value;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long value : old) {
            if (value != 0) {
                insert(slots, value);
            }
        }
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    /** A 64-bit FNV-1a hash of a string, never 0. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }
}
