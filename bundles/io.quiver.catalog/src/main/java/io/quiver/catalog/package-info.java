/**
 * The local data catalog: data sets parsed once, validated and kept in a binary columnar store under
 * {@code ${karaf.data}/quiver/catalog}, read back memory-mapped, with their provenance and quality.
 */
@Export
@Version("1.2.0")
package io.quiver.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
