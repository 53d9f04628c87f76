package dev.proofdesk.server.relay;

/** The WebSocket as the relay protocol sees it; the web layer implements it over Jetty's session. */
interface RelaySocket {
    /**
     * Sends one text frame and waits until it is written.
     *
     * @throws RuntimeException when the socket is closed or the write does not finish in time
     */
    void send(String text);

    void close(int statusCode, String reason);
}
