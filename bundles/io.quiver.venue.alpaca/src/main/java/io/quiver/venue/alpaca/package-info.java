/** A venue that trades through a broker's REST order API and its trade_updates stream (Alpaca's trading API), and its settings. */
@Export
@Version("1.0.0")
package io.quiver.venue.alpaca;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
