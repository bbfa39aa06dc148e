/**
 * Backtests: one strategy instance over a bar series on a simulated clock, through the same order
 * manager and on the same venue types as paper and live trading, found through the SDK's
 * {@code VenueFactory} and {@code BarSourceFactory} services.
 */
@Export
@Version("1.1.0")
package io.quiver.backtest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
