package dev.proofdesk.server.cli;

import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.passport.chip.ChipIoException;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import java.util.List;
import java.util.Locale;

/**
 * A chip in a PC/SC card reader ({@code javax.smartcardio} over the operating system's smart-card
 * service), as an {@link ApduChannel}. Every way the reader can be missing says what to do.
 */
final class PcscReader implements ApduChannel, AutoCloseable {
    private final Card card;
    private final String readerName;

    private PcscReader(Card card, String readerName) {
        this.card = card;
        this.readerName = readerName;
    }

    /**
     * Connects to the card in the named reader (a case-insensitive part of its name), or in the only
     * reader with a card, waiting up to {@code waitMillis} for one to be presented.
     */
    static PcscReader connect(String wanted, long waitMillis) {
        List<CardTerminal> readers = readers();
        CardTerminal reader = choose(readers, wanted, waitMillis);
        try {
            if (!reader.isCardPresent() && !reader.waitForCardPresent(waitMillis)) {
                throw refused("no card in " + reader.getName() + ": place the passport or identity card on the reader and try again");
            }
            return new PcscReader(reader.connect("*"), reader.getName());
        } catch (CardException e) {
            throw refused("cannot connect to the card in " + reader.getName() + " (" + rootMessage(e)
                    + "): put it back on the reader and try again");
        }
    }

    private static List<CardTerminal> readers() {
        try {
            List<CardTerminal> list = TerminalFactory.getDefault().terminals().list();
            if (list.isEmpty()) {
                throw refused("no card reader found: connect a PC/SC reader (and check that pcscd is running)");
            }
            return list;
        } catch (CardException | IllegalStateException e) {
            throw refused("no card reader found: the smart-card service is not available (" + rootMessage(e)
                    + "); install and start pcscd");
        }
    }

    private static CardTerminal choose(List<CardTerminal> readers, String wanted, long waitMillis) {
        if (wanted != null) {
            String needle = wanted.toLowerCase(Locale.ROOT);
            return readers.stream().filter(r -> r.getName().toLowerCase(Locale.ROOT).contains(needle)).findFirst()
                    .orElseThrow(() -> refused("no reader named like \"" + wanted + "\"; readers: " + names(readers)));
        }
        if (readers.size() == 1) {
            return readers.get(0);
        }
        try {
            for (CardTerminal reader : readers) {
                if (reader.isCardPresent()) {
                    return reader;
                }
            }
            TerminalFactory.getDefault().terminals().waitForChange(waitMillis);
            for (CardTerminal reader : readers) {
                if (reader.isCardPresent()) {
                    return reader;
                }
            }
        } catch (CardException e) {
            throw refused("cannot watch the card readers (" + rootMessage(e) + ")");
        }
        throw refused("no card on any reader (" + names(readers) + "): place the document on one, or name it with --reader");
    }

    String readerName() {
        return readerName;
    }

    @Override
    public byte[] transmit(byte[] command) {
        try {
            return card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException | IllegalStateException e) {
            throw new ChipIoException("the card stopped answering (" + rootMessage(e) + "); was it moved away from the reader?", e);
        } catch (IllegalArgumentException e) {
            throw new ChipIoException("the server sent a malformed APDU: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException ignored) {
            // The card is already gone; nothing to release.
        }
    }

    private static String names(List<CardTerminal> readers) {
        return String.join(", ", readers.stream().map(CardTerminal::getName).toList());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static CommandRefusedException refused(String message) {
        return new CommandRefusedException(message);
    }
}
