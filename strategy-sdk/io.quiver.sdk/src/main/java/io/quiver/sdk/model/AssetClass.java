package io.quiver.sdk.model;

/** What kind of thing an instrument is. */
public enum AssetClass {
    EQUITY, ETF, FX, CRYPTO, FUTURE, OPTION, INDEX, BOND, COMMODITY, OTHER
}
