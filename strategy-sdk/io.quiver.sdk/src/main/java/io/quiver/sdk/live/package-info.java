/** Parts for live adapters: a WebSocket client that reconnects with a backoff and does not trust a silent connection. */
@Export
@Version("1.0.0")
package io.quiver.sdk.live;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
