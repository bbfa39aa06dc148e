/** A simulated exchange venue: strategy orders meet simulated liquidity in real price-time order books. */
@Export
@Version("1.0.0")
package io.quiver.venue.exchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
