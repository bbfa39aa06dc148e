/** Recorded command streams for the order book: a CSV file format, a generator, and a replay that measures the book. */
@Export
@Version("1.0.0")
package io.quiver.matching.replay;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
