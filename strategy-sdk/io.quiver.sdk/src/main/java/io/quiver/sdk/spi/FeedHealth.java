package io.quiver.sdk.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * How a live feed is doing, for operators and the risk layer.
 *
 * @param connected   whether it is connected and subscribed now
 * @param lastMessage when its last message arrived (null before the first)
 * @param lag         the last event's receive time minus its event time (null before the first event)
 * @param reconnects  how many times it connected again after it had been up
 * @param dropped     events left out because they were older than one already delivered for their instrument
 */
public record FeedHealth(boolean connected, Instant lastMessage, Duration lag, long reconnects, long dropped) {

    /** How long ago the last message arrived, at {@code now}; null before the first. */
    public Duration lastMessageAge(Instant now) {
        return lastMessage == null ? null : Duration.between(lastMessage, now);
    }
}
