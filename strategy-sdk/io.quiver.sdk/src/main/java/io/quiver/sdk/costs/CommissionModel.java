package io.quiver.sdk.costs;

import io.quiver.sdk.model.Money;
import org.osgi.annotation.versioning.ConsumerType;

/** What one fill costs in commission; exact, never negative unless the model pays a rebate. */
@ConsumerType
public interface CommissionModel {
    Money commission(FillCost fill);

    /** The model and its parameters in words, e.g. {@code per share 0.005, min 1, max 1 % of notional}. */
    String describe();
}
