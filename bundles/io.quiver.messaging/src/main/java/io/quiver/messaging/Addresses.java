package io.quiver.messaging;

/**
 * Every address Quiver publishes on, in one place. Addresses are hierarchical with {@code .} so a
 * subscriber can use Artemis wildcards: {@code quiver.fills.#} is every fill of every instance.
 * Messages are multicast; their body is a JSON text (readable as a JMS TextMessage).
 */
public final class Addresses {
    /** Root of all Quiver addresses. */
    public static final String ROOT = "quiver";
    /** Order events (accepted, rejected, filled, cancelled, expired): {@code quiver.orders.<strategy id>}. */
    public static final String ORDER_EVENTS = ROOT + ".orders";
    /** Fills only: {@code quiver.fills.<strategy id>}. */
    public static final String FILLS = ROOT + ".fills";
    /** Trade prints of a venue's books: {@code quiver.md.trades.<venue>.<symbol>}. */
    public static final String TRADES = ROOT + ".md.trades";
    /** Depth (L2) updates: {@code quiver.md.depth.<venue>.<symbol>}. */
    public static final String DEPTH = ROOT + ".md.depth";
    /** Full depth snapshots, about every second: {@code quiver.md.snapshot.<venue>.<symbol>}. */
    public static final String DEPTH_SNAPSHOTS = ROOT + ".md.snapshot";
    /** Every address below a prefix, in Artemis wildcard syntax. */
    public static final String ALL_BELOW = ".#";
    /** Message property holding the strategy instance id. */
    public static final String PROPERTY_STRATEGY = "quiverStrategy";
    /** Message property holding the event type (Accepted, Rejected, Filled, Cancelled, Expired). */
    public static final String PROPERTY_EVENT = "quiverEvent";

    private Addresses() {
    }

    public static String orderEvents(String strategyId) {
        return ORDER_EVENTS + "." + segment(strategyId);
    }

    public static String fills(String strategyId) {
        return FILLS + "." + segment(strategyId);
    }

    public static String trades(String venue, String symbol) {
        return TRADES + "." + segment(venue) + "." + segment(symbol);
    }

    public static String depthSnapshots(String venue, String symbol) {
        return DEPTH_SNAPSHOTS + "." + segment(venue) + "." + segment(symbol);
    }

    public static String depth(String venue, String symbol) {
        return DEPTH + "." + segment(venue) + "." + segment(symbol);
    }

    /** Ids may not contain the wildcard characters or the separator. */
    static String segment(String id) {
        if (id.isEmpty() || id.chars().anyMatch(c -> c == '.' || c == '#' || c == '*')) {
            throw new IllegalArgumentException("'" + id + "' cannot be an address segment: it must be non-empty without '.', '#' or '*'");
        }
        return id;
    }
}
