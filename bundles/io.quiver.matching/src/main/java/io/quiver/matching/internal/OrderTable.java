package io.quiver.matching.internal;

import java.util.Arrays;

/**
 * Live orders by id: open addressing over the order references themselves, comparing each order's
 * own id, so a lookup touches the table slot and the order (which the command needs anyway) rather
 * than a separate key array as well. Linear probing, backward-shift deletion.
 */
final class OrderTable {
    private FastOrderBook.Order[] slots;
    private int mask;
    private int size;

    OrderTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new FastOrderBook.Order[cap];
        mask = cap - 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    FastOrderBook.Order get(long id) {
        for (int i = hash(id) & mask;; i = (i + 1) & mask) {
            FastOrderBook.Order o = slots[i];
            if (o == null || o.id == id) {
                return o;
            }
        }
    }

    /** Adds an order whose id is not in the table. */
    void add(FastOrderBook.Order order) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int i = hash(order.id) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = order;
        size++;
    }

    void remove(long id) {
        int i = hash(id) & mask;
        while (true) {
            FastOrderBook.Order o = slots[i];
            if (o == null) {
                return;
            }
            if (o.id == id) {
                break;
            }
            i = (i + 1) & mask;
        }
        slots[i] = null;
        size--;
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = hash(slots[j].id) & mask;
            boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!between) {
                slots[i] = slots[j];
                slots[j] = null;
                i = j;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        FastOrderBook.Order[] old = slots;
        slots = new FastOrderBook.Order[old.length * 2];
        mask = slots.length - 1;
        size = 0;
        for (FastOrderBook.Order o : old) {
            if (o != null) {
                add(o);
            }
        }
        Arrays.fill(old, null);
    }
}
