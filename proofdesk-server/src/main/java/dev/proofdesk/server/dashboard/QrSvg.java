package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.view.HostedView;
import io.nayuki.qrcodegen.QrCode;

/** Encodes text as a QR code drawn with one SVG path, so the page needs no image or script. */
final class QrSvg {
    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    static HostedView.Qr of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return new HostedView.Qr(path.toString(), qr.size + 2 * QUIET_ZONE);
    }
}
