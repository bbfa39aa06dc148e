package io.quiver.shell.internal;

import io.quiver.sdk.model.InstrumentId;
import io.quiver.venue.exchange.ExchangeBooks;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code book:show}: the top levels of an instrument's book on the simulated exchange. */
@Service
@Command(scope = "book", name = "show", description = "Shows the top levels of an instrument's order book on the simulated exchange")
public class ShowBookCommand implements Action {
    // Optional: without it Karaf would hold back every Quiver command while the exchange venue is not active.
    @Reference(optional = true)
    ExchangeBooks books;

    @Argument(index = 0, name = "instrument", required = true, description = "Instrument symbol, e.g. SYN1")
    String instrument;

    @Option(name = "-n", aliases = "--levels", description = "Levels per side")
    int levels = 10;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        return UserMistakes.oneLine(this::run);
    }

    private Object run() {
        if (books == null) {
            throw new IllegalStateException("the simulated exchange venue is not active (bundle io.quiver.venue.exchange)");
        }
        ExchangeBooks.Depth d = books.depth(InstrumentId.of(instrument), levels);
        out.println(d.instrument() + "  last " + (d.lastTradePrice() == null ? "-" : d.lastTradePrice()) + "  depth sequence " + d.sequence());
        Tables table = Tables.withColumns("Bid orders", "Bid size", "Bid", "Ask", "Ask size", "Ask orders");
        for (int i = 0; i < Math.max(d.bids().size(), d.asks().size()); i++) {
            ExchangeBooks.Level b = i < d.bids().size() ? d.bids().get(i) : null;
            ExchangeBooks.Level a = i < d.asks().size() ? d.asks().get(i) : null;
            table.addRow().addContent(b == null ? "" : b.orders(), b == null ? "" : b.totalSize(), b == null ? "" : b.price(),
                    a == null ? "" : a.price(), a == null ? "" : a.totalSize(), a == null ? "" : a.orders());
        }
        table.print(out, !noFormat);
        return null;
    }
}
