/** Incremental technical indicators, one update per bar. */
@Export
@Version("1.1.0")
package io.quiver.sdk.indicators;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
