/**
 * Order management: the one order state machine, emulation of order types a venue lacks, idempotent
 * order entry, per-strategy accounts, the journal that makes it all survive a crash, and reconciliation
 * with venues after a restart.
 */
@Export
@Version("2.2.0")
package io.quiver.oms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
