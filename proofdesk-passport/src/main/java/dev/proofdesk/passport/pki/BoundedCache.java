package dev.proofdesk.passport.pki;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A least-recently-used map of at most {@code capacity} entries, for values that are a pure
 * function of their key (so computing one twice under a race is harmless). Thread-safe.
 */
final class BoundedCache<K, V> {
    private final Map<K, V> map;

    BoundedCache(int capacity) {
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for {@code key}, computed outside the lock when missing, so one slow computation blocks no reader. */
    V computeIfAbsent(K key, Function<K, V> compute) {
        synchronized (map) {
            V known = map.get(key);
            if (known != null) {
                return known;
            }
        }
        V value = compute.apply(key);
        synchronized (map) {
            map.putIfAbsent(key, value);
        }
        return value;
    }
}
