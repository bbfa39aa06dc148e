package io.quiver.venue.alpaca;

import io.quiver.sdk.spi.Secrets;
import io.quiver.venue.alpaca.standin.AlpacaBrokerStandIn;
import java.nio.file.Path;
import java.time.Duration;

/** Venues pointed at a stand-in broker, and waits for them to settle. */
final class AlpacaTesting {
    private AlpacaTesting() {
    }

    static AlpacaSettings settings(String venueId, AlpacaBrokerStandIn broker, Path folder) {
        Path key = keyFile(folder);
        return AlpacaSettings.of(venueId, broker.restUrl(), broker.streamUrl(), Secrets.encrypt(AlpacaBrokerStandIn.KEY_ID, key),
                Secrets.encrypt(AlpacaBrokerStandIn.SECRET_KEY, key), folder.resolve("venue-" + venueId)).withReconnect(1).withHeartbeat(java.time.Duration.ofMillis(500));
    }

    static Path keyFile(Path folder) {
        return folder.resolve("secrets").resolve("quiver.key");
    }

    static void awaitConnected(AlpacaVenue venue) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!venue.isConnected()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("venue " + venue.id() + " did not connect its stream in 20 s");
            }
            sleep(10);
        }
    }

    /** Until the venue has handled every update the broker sent and reported what they caused. */
    static void settle(AlpacaVenue venue, AlpacaBrokerStandIn broker) {
        venue.awaitIdle(Duration.ofSeconds(20));
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (venue.updatesHandled() < broker.updatesSent()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("venue handled " + venue.updatesHandled() + " of " + broker.updatesSent() + " updates in 20 s");
            }
            sleep(2);
        }
        venue.awaitIdle(Duration.ofSeconds(20));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
