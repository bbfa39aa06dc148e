package io.quiver.sdk.spi;

import io.quiver.sdk.model.ClientOrderId;
import io.quiver.sdk.model.Fill;
import io.quiver.sdk.model.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A venue that can tell the platform what it holds, so the books can be reconciled after a restart: the
 * open orders, the fills since a point in time, and each account's positions and cash. Live brokers
 * answer from their own records; the simulated venue from its persisted state.
 */
@ConsumerType
public interface ReconcilableVenue extends Venue {

    /**
     * Opens {@code account} with {@code startingCash} if the venue has not seen it before; does nothing
     * for an account it already has (so calling it on every start is safe).
     */
    void openAccount(String account, Money startingCash);

    /** The account's orders that are working at the venue now. */
    List<VenueOrder> openOrders(String account);

    /** One order as the venue knows it, open or closed; empty if the venue never received it. */
    Optional<VenueOrder> order(ClientOrderId orderId);

    /** The account's fills with a time at or after {@code since}, oldest first. */
    List<Fill> fillsSince(String account, Instant since);

    /** The account's cash and positions as the venue books them. */
    VenueAccount account(String account);
}
