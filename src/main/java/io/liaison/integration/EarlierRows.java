package io.liaison.integration;

import io.liaison.contact.ContactImport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The match keys of the rows a job has read, as 64-bit hashes in an open-addressing table: a
 * million keys take 12 MB. Two different keys share a hash about once in 10^7 files of a million
 * rows, which would report a row as a duplicate of another.
 */
final class EarlierRows implements ContactImport.EarlierRows {

    private final MessageDigest sha256;
    private long[] hashes = new long[1 << 12];
    private int[] records = new int[1 << 12];
    private int size;

    EarlierRows() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int first(String key, int record) {
        long hash = hash(key);
        int slot = slot(hash);
        if (records[slot] != 0) {
            return records[slot];
        }
        hashes[slot] = hash;
        records[slot] = record;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return 0;
    }

    private int slot(long hash) {
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (records[slot] != 0 && hashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldRecords = records;
        hashes = new long[oldHashes.length * 2];
        records = new int[oldRecords.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldRecords[i] != 0) {
                int slot = slot(oldHashes[i]);
                hashes[slot] = oldHashes[i];
                records[slot] = oldRecords[i];
            }
        }
    }

    private long hash(String key) {
        byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xFF);
        }
        return h;
    }
}
