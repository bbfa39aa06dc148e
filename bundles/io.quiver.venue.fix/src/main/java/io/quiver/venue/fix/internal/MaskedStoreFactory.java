package io.quiver.venue.fix.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Date;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.SessionID;

/**
 * A message store that keeps every message sent, with a Logon's Password (554) and NewPassword (925)
 * overwritten by as many {@code *}: the secret never reaches the disk, and the stored message keeps its
 * length and place (a Logon is never resent: a resend gap-fills session messages). Leaving the Logon out,
 * or keeping no messages at all, broke the resends after a reconnection: in the dropped-sessions test the
 * orders sent after it were never answered.
 */
final class MaskedStoreFactory implements MessageStoreFactory {
    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("\u0001(554|925)=([^\u0001]*)");

    private final MessageStoreFactory delegate;

    MaskedStoreFactory(MessageStoreFactory delegate) {
        this.delegate = delegate;
    }

    /** {@code message} with its passwords overwritten, length for length. */
    static String withoutSecrets(String message) {
        if (!message.contains("\u000135=A\u0001")) {
            return message;
        }
        return SECRET.matcher(message).replaceAll(m -> "\u0001" + m.group(1) + "=" + "*".repeat(m.group(2).length()));
    }

    @Override
    public MessageStore create(SessionID sessionId) {
        MessageStore store = delegate.create(sessionId);
        return new MessageStore() {
            @Override
            public boolean set(int sequence, String message) throws IOException {
                return store.set(sequence, withoutSecrets(message));
            }

            @Override
            public void get(int start, int end, Collection<String> messages) throws IOException {
                store.get(start, end, messages);
            }

            @Override
            public int getNextSenderMsgSeqNum() throws IOException {
                return store.getNextSenderMsgSeqNum();
            }

            @Override
            public int getNextTargetMsgSeqNum() throws IOException {
                return store.getNextTargetMsgSeqNum();
            }

            @Override
            public void setNextSenderMsgSeqNum(int next) throws IOException {
                store.setNextSenderMsgSeqNum(next);
            }

            @Override
            public void setNextTargetMsgSeqNum(int next) throws IOException {
                store.setNextTargetMsgSeqNum(next);
            }

            @Override
            public void incrNextSenderMsgSeqNum() throws IOException {
                store.incrNextSenderMsgSeqNum();
            }

            @Override
            public void incrNextTargetMsgSeqNum() throws IOException {
                store.incrNextTargetMsgSeqNum();
            }

            @Override
            public Date getCreationTime() throws IOException {
                return store.getCreationTime();
            }

            @Override
            public void reset() throws IOException {
                store.reset();
            }

            @Override
            public void refresh() throws IOException {
                store.refresh();
            }
        };
    }
}
