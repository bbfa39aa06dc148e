/** Service provider interfaces that market-data and venue adapters implement. */
@Export
@Version("1.1.0")
package io.quiver.sdk.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
