/**
 * Trading costs a simulated venue charges: commission models and slippage models, each with a name
 * that results carry. Exact: money is {@code Money}, prices stay on the instrument's tick.
 */
@Export
@Version("1.0.0")
package io.quiver.sdk.costs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
