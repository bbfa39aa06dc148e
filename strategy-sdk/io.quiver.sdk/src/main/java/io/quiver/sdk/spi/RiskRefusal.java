package io.quiver.sdk.spi;

import java.util.Objects;

/**
 * Why a check refused an order: a stable reason code such as {@code MAX_POSITION} and a sentence with the
 * numbers, e.g. {@code position 900 + order 200 would exceed the limit 1000 for SYN1}. The strategy gets
 * both in its {@code Rejected} event.
 */
public record RiskRefusal(String code, String message) {
    public RiskRefusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a reason code is upper case letters, digits and '_', was '" + code + "'");
        }
    }

    /** A refusal with one of the platform's codes; a check of a plug-in may use a code of its own. */
    public RiskRefusal(io.quiver.sdk.model.ReasonCode code, String message) {
        this(code.code(), message);
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
