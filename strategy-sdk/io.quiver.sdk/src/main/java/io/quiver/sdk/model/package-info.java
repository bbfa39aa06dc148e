/** The domain model: instruments, exact prices, quantities and money, market data, orders, fills and positions. */
@Export
@Version("1.7.0")
package io.quiver.sdk.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
