/** Reading market data from CSV and other delimited text files, mapped column by column by a {@link io.quiver.feed.csv.CsvSchema}. */
@Export
@Version("1.3.0")
package io.quiver.feed.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
