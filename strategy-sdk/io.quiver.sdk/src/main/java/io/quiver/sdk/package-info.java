/** The strategy API: what a strategy implements and the context it trades through. */
@Export
@Version("1.2.0")
package io.quiver.sdk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
