/** Seeded synthetic market data for demos, tests and benchmarks. */
@Export
@Version("1.0.0")
package io.quiver.feed.synthetic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
