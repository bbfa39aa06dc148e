package io.quiver.sdk.model;

import java.util.Objects;

/** The id an order is given by its sender before it is sent; the key for idempotent order entry. */
public record ClientOrderId(String value) {
    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("client order id must not be blank");
        }
    }

    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
