/** The engine's API: list and control the running strategy instances. */
@Export
@Version("3.1.0")
package io.quiver.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
