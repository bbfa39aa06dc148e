/** Service provider interfaces that market-data, venue and risk-check plug-ins implement. */
@Export
@Version("2.3.0")
package io.quiver.sdk.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
