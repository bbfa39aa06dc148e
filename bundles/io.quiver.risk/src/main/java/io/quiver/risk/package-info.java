/**
 * Pre-trade risk: the limits of each scope, the chain of checks every new order passes, trading states
 * and the kill switch. See {@code docs/risk.md}.
 */
@Export
@Version("1.1.0")
package io.quiver.risk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
