/**
 * Hosting a strategy instance on the order manager: the {@code StrategyContext} it trades through,
 * its timers, fault count and life cycle, and its creation from typed parameters. Backtests and the
 * live runtime run strategies in this one host.
 */
@Export
@Version("1.0.0")
package io.quiver.oms.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
