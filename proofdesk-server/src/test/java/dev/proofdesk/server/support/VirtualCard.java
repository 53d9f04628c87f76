package dev.proofdesk.server.support;

import dev.proofdesk.passport.chip.ApduChannel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.HexFormat;

/**
 * Puts a card-side {@link ApduChannel} (the chip emulator) into the operating system's smart-card
 * stack: it connects to the {@code vsmartcard-vpcd} virtual reader of {@code pcscd} as its card, so
 * PC/SC applications see a real reader with a card in it. The vpcd protocol frames every message with
 * a two-byte length; a one-byte message is a control (0 power off, 1 power on, 2 reset, 4 get ATR).
 */
public final class VirtualCard implements AutoCloseable {
    public static final int VPCD_PORT = 35963;
    /** Direct convention, T=1, no historical bytes. */
    private static final byte[] ATR = HexFormat.of().parseHex("3B80800101");

    private final Socket socket;
    private final Thread loop;

    private VirtualCard(Socket socket, ApduChannel card) {
        this.socket = socket;
        this.loop = Thread.ofPlatform().daemon().name("vpcd-card").start(() -> serve(card));
    }

    /** Inserts the card into the virtual reader listening on {@code 127.0.0.1:port}. */
    public static VirtualCard insert(ApduChannel card, int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        return new VirtualCard(socket, card);
    }

    private void serve(ApduChannel card) {
        try (var in = new DataInputStream(socket.getInputStream()); var out = new DataOutputStream(socket.getOutputStream())) {
            while (true) {
                int length = in.readUnsignedShort();
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    return;
                }
                byte[] answer = null;
                if (length == 1) {
                    if (message[0] == 4) {
                        answer = ATR;
                    }
                } else {
                    answer = card.transmit(message);
                }
                if (answer != null) {
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (EOFException | SocketException closed) {
            // The reader went away or the card was removed.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the card from the reader. */
    @Override
    public void close() throws IOException {
        socket.close();
        try {
            loop.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
