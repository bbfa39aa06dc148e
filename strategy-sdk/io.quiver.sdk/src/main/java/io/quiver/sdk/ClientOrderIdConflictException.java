package io.quiver.sdk;

import io.quiver.sdk.model.ClientOrderId;

/**
 * A client order id was submitted again with a request that differs from the order it already names.
 * Reason code {@value #REASON_CODE}; the existing order is untouched.
 */
public final class ClientOrderIdConflictException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    public static final String REASON_CODE = io.quiver.sdk.model.ReasonCode.CLIENT_ORDER_ID_CONFLICT.code();
    private final transient ClientOrderId orderId;

    public ClientOrderIdConflictException(ClientOrderId orderId, String message) {
        super(REASON_CODE + ": " + message);
        this.orderId = orderId;
    }

    public ClientOrderId orderId() {
        return orderId;
    }
}
