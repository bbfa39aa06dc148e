/** The engine's API: run backtests, and list and control the running strategy instances. */
@Export
@Version("2.0.0")
package io.quiver.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
