package io.quiver.matching;

import java.util.ArrayList;
import java.util.List;

/** Records every event as a line of text, for comparing books and reading failures. */
final class RecordingEvents implements MatchingEvents {
    final List<String> lines = new ArrayList<>();

    @Override
    public void accepted(long orderId) {
        lines.add("accepted " + orderId);
    }

    @Override
    public void rejected(long orderId, RejectReason reason) {
        lines.add("rejected " + orderId + " " + reason);
    }

    @Override
    public void trade(long takerOrderId, long takerAccount, long makerOrderId, long makerAccount, Side takerSide, long price, long size,
            long takerFee, long makerFee, long takerLeft, long makerLeft) {
        lines.add("trade taker " + takerOrderId + "/" + takerAccount + " maker " + makerOrderId + "/" + makerAccount + " " + takerSide
                + " " + size + "@" + price + " fees " + takerFee + "/" + makerFee + " left " + takerLeft + "/" + makerLeft);
    }

    @Override
    public void cancelled(long orderId, long size, CancelReason reason) {
        lines.add("cancelled " + orderId + " " + size + " " + reason);
    }

    @Override
    public void amended(long orderId, long price, long size) {
        lines.add("amended " + orderId + " " + size + "@" + price);
    }

    @Override
    public void triggered(long orderId) {
        lines.add("triggered " + orderId);
    }

    /** Events since the last call, then forgets them. */
    List<String> take() {
        List<String> out = List.copyOf(lines);
        lines.clear();
        return out;
    }
}
