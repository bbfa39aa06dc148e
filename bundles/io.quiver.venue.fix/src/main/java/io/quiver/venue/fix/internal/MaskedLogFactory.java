package io.quiver.venue.fix.internal;

import java.util.regex.Pattern;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/** QuickFIX/J's message and event logs with the Logon's Password (554) and NewPassword (925) masked. */
public final class MaskedLogFactory implements LogFactory {
    private static final Pattern SECRET = Pattern.compile("(^|\u0001|\\|)(554|925)=[^\u0001|]*");

    private final LogFactory delegate;

    public MaskedLogFactory(LogFactory delegate) {
        this.delegate = delegate;
    }

    static String mask(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll("$1$2=***");
    }

    @Override
    public Log create(SessionID sessionId) {
        Log log = delegate.create(sessionId);
        return new Log() {
            @Override
            public void clear() {
                log.clear();
            }

            @Override
            public void onIncoming(String message) {
                log.onIncoming(mask(message));
            }

            @Override
            public void onOutgoing(String message) {
                log.onOutgoing(mask(message));
            }

            @Override
            public void onEvent(String text) {
                log.onEvent(mask(text));
            }

            @Override
            public void onErrorEvent(String text) {
                log.onErrorEvent(mask(text));
            }
        };
    }
}
