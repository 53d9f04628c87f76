package dev.proofdesk.passport.emulator;

import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.passport.chip.ChipIoException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * An ICAO 9303 chip, card side, for tests, test mode and demos: the file system of a
 * {@link ChipImage}, BAC and PACE access control (generic mapping on elliptic curves or DH groups,
 * and chip authentication mapping) with 3DES or AES secure messaging, Chip Authentication (ECDH or
 * DH, 3DES or AES) and Active Authentication, and the status words a real chip answers when it
 * refuses. Transmit is
 * synchronized: one emulator is one card in one reader.
 *
 * <p>Before access control only EF.CardAccess can be read ({@code 6982} otherwise); after it,
 * every command must be protected, and a wrong MAC or a plain command ends the session
 * ({@code 6988}/{@code 6987}, access must be gained again), as on a real chip.
 */
public final class ChipEmulator implements ApduChannel {

    /** How the chip treats extended-length APDUs. */
    public enum ExtendedLength {
        /** Extended Lc and Le are accepted. */
        SUPPORTED,
        /** An extended APDU is refused with {@code 6700}. */
        REFUSED,
        /** An extended APDU gets no answer at all: the link reports a failure. */
        SILENT
    }

    private final ChipImage image;
    private final Duration delay;
    private final ExtendedLength extendedLength;
    private final SecureRandom random = new SecureRandom();
    private final FileSystem files;
    private final BacResponder bac;
    private final PaceResponder pace;
    private final ChipAuthResponder chipAuthentication;
    private SecureChannel channel;
    private byte[] pending;
    private int commands;

    private ChipEmulator(Builder b) {
        this.image = b.image;
        this.delay = b.delay;
        this.extendedLength = b.extendedLength;
        this.files = new FileSystem(image.files());
        this.bac = image.bac() ? new BacResponder(image.documentNumber(), image.dateOfBirth(), image.dateOfExpiry(), random) : null;
        this.pace = image.pace() ? new PaceResponder(image.files().get(ChipImage.EF_CARD_ACCESS), image,
                image.caKeyPkcs8() == null ? null : ChipAuthResponder.privateKey(image.caKeyPkcs8()), random) : null;
        this.chipAuthentication = image.caKeyPkcs8() == null ? null
                : new ChipAuthResponder(image.caKeyPkcs8(), image.caKeyId(), image.files().get(ChipImage.dataGroupFid(14)));
    }

    /** An emulator with no delay that takes extended length. */
    public static ChipEmulator fromImage(byte[] chipImage) {
        return builder(ChipImage.fromBytes(chipImage)).build();
    }

    public static Builder builder(ChipImage image) {
        return new Builder(image);
    }

    /** Command APDUs received so far. */
    public synchronized int commandCount() {
        return commands;
    }

    @Override
    public synchronized byte[] transmit(byte[] command) {
        commands++;
        pause();
        CommandApdu c;
        try {
            c = CommandApdu.parse(command);
        } catch (CommandApdu.MalformedApdu e) {
            return Sw.only(Sw.WRONG_LENGTH);
        }
        if (c.extended() && extendedLength != ExtendedLength.SUPPORTED) {
            if (extendedLength == ExtendedLength.SILENT) {
                throw new ChipIoException("the chip did not answer an extended-length APDU");
            }
            return Sw.only(Sw.WRONG_LENGTH);
        }
        if ((c.cla() & 0x80) != 0) {
            return Sw.only(Sw.CLA_NOT_SUPPORTED);
        }
        if (c.ins() == 0xC0 && c.cla() == 0) {
            return getResponse(c);
        }
        pending = null;
        boolean secured = (c.cla() & 0x0C) == 0x0C;
        if (!secured) {
            if (channel != null) {
                // A plain command in a secure session ends it: whoever sent it does not hold the keys.
                endSession();
                return Sw.only(Sw.SM_DATA_OBJECTS_MISSING);
            }
            Reply reply = handle(c, false);
            channel = reply.next() != null ? reply.next() : channel;
            return Sw.with(reply.data(), reply.sw());
        }
        if (channel == null) {
            return Sw.only(Sw.SM_DATA_OBJECTS_MISSING);
        }
        CommandApdu plain;
        try {
            plain = channel.open(c);
        } catch (SecureChannel.SmError e) {
            endSession();
            return Sw.only(e.sw);
        }
        Reply reply = handle(plain, true);
        byte[] response = channel.protect(reply.data(), reply.sw(), plain.ins() == 0xB1);
        channel = reply.next() != null ? reply.next() : channel;
        int limit = c.maxResponseLength();
        if (response.length - 2 <= limit) {
            return response;
        }
        // Longer than this command's Le allows (an RSA signature under short APDUs): the rest by GET RESPONSE.
        pending = Arrays.copyOfRange(response, limit, response.length - 2);
        return Sw.with(Arrays.copyOf(response, limit), Sw.MORE_DATA | Math.min(pending.length, 0xFF));
    }

    private byte[] getResponse(CommandApdu c) {
        if (pending == null) {
            return Sw.only(Sw.CONDITIONS_NOT_SATISFIED);
        }
        int length = Math.min(c.ne() == 0 ? 256 : c.ne(), pending.length);
        byte[] chunk = Arrays.copyOf(pending, length);
        pending = length == pending.length ? null : Arrays.copyOfRange(pending, length, pending.length);
        return Sw.with(chunk, pending == null ? Sw.OK : Sw.MORE_DATA | Math.min(pending.length, 0xFF));
    }

    private Reply handle(CommandApdu c, boolean secured) {
        try {
            return switch (c.ins()) {
                case 0xA4 -> files.select(c, secured);
                case 0xB0, 0xB1 -> files.readBinary(c, secured);
                case 0x84 -> secured || bac == null ? Reply.of(Sw.CONDITIONS_NOT_SATISFIED) : bac.getChallenge(c);
                case 0x82 -> secured || bac == null ? Reply.of(Sw.CONDITIONS_NOT_SATISFIED) : bac.mutualAuthenticate(c);
                case 0x22 -> manageSecurityEnvironment(c, secured);
                case 0x86 -> generalAuthenticate(c, secured);
                case 0x88 -> internalAuthenticate(c, secured);
                default -> Reply.of(Sw.INS_NOT_SUPPORTED);
            };
        } catch (DataObjects.Malformed e) {
            return Reply.of(Sw.WRONG_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the emulator's cryptography is unavailable", e);
        }
    }

    private Reply manageSecurityEnvironment(CommandApdu c, boolean secured) throws GeneralSecurityException {
        int p1p2 = (c.p1() << 8) | c.p2();
        if (p1p2 == 0xC1A4) {
            return secured || pace == null ? Reply.of(Sw.FUNCTION_NOT_SUPPORTED) : pace.setAuthenticationTemplate(c);
        }
        if (p1p2 != 0x41A4 && p1p2 != 0x41A6) {
            return Reply.of(Sw.INCORRECT_P1P2);
        }
        if (!secured) {
            return Reply.of(Sw.SECURITY_STATUS_NOT_SATISFIED);
        }
        if (chipAuthentication == null) {
            return Reply.of(Sw.FUNCTION_NOT_SUPPORTED);
        }
        return p1p2 == 0x41A6 ? chipAuthentication.keyAgreementTemplate(c) : chipAuthentication.setAuthenticationTemplate(c);
    }

    private Reply generalAuthenticate(CommandApdu c, boolean secured) throws GeneralSecurityException {
        if (!secured && pace != null && pace.inProgress()) {
            return pace.generalAuthenticate(c);
        }
        if (secured && chipAuthentication != null && chipAuthentication.awaitingKey()) {
            return chipAuthentication.generalAuthenticate(c);
        }
        return Reply.of(secured ? Sw.CONDITIONS_NOT_SATISFIED : Sw.SECURITY_STATUS_NOT_SATISFIED);
    }

    private Reply internalAuthenticate(CommandApdu c, boolean secured) {
        if (!secured) {
            return Reply.of(Sw.SECURITY_STATUS_NOT_SATISFIED);
        }
        if (image.aaKeyPkcs8() == null) {
            return Reply.of(Sw.INS_NOT_SUPPORTED);
        }
        if (c.data().length != 8) {
            return Reply.of(Sw.WRONG_DATA);
        }
        return Reply.ok(ChipSigner.sign(image.aaKeyPkcs8(), c.data()));
    }

    private void endSession() {
        channel = null;
        files.reset();
    }

    private void pause() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChipIoException("interrupted while the chip was answering", e);
        }
    }

    public static final class Builder {
        private final ChipImage image;
        private Duration delay = Duration.ZERO;
        private ExtendedLength extendedLength = ExtendedLength.SUPPORTED;

        private Builder(ChipImage image) {
            this.image = Objects.requireNonNull(image, "image");
        }

        /** Waits this long before answering each APDU, like a round trip through a holder's phone. */
        public Builder delayPerApdu(Duration d) {
            this.delay = Objects.requireNonNull(d, "delay");
            return this;
        }

        public Builder extendedLength(ExtendedLength e) {
            this.extendedLength = Objects.requireNonNull(e, "extendedLength");
            return this;
        }

        public ChipEmulator build() {
            return new ChipEmulator(this);
        }
    }
}
