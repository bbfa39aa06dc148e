/** A venue that trades through a broker's FIX 4.4 session (QuickFIX/J), and the settings of that session. */
@Export
@Version("1.0.0")
package io.quiver.venue.fix;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
