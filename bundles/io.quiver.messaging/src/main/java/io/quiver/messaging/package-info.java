/** Names of every message address Quiver publishes on the embedded broker. */
@Export
@Version("1.0.0")
package io.quiver.messaging;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
