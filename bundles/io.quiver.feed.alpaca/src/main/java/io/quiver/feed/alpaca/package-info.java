/** A live market-data feed over WebSocket (Alpaca's stock data stream): trades, quotes and minute bars, and its settings. */
@Export
@Version("1.0.0")
package io.quiver.feed.alpaca;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
