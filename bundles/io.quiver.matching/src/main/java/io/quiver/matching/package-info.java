/**
 * A limit order book with price-time priority. Prices and sizes are longs in units of the book's
 * scale (the caller converts exactly at the edges); ids are longs. Commands are method calls; their
 * outcome is reported, synchronously and in order, to one {@link io.quiver.matching.MatchingEvents}
 * listener. The book is single-threaded and allocates nothing per command once warm.
 */
@Export
@Version("1.1.0")
package io.quiver.matching;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
