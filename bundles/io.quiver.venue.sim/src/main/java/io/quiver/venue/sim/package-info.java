/** A simulated venue filling orders from bars; used in-process by backtests and as the paper-trading venue. */
@Export
@Version("2.1.0")
package io.quiver.venue.sim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
