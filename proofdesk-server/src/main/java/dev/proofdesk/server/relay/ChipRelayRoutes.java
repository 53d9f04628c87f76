package dev.proofdesk.server.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.passport.chip.ChipTerminal;
import dev.proofdesk.server.config.RelaySettings;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.RouteModule;
import dev.proofdesk.server.http.Upgrades;
import dev.proofdesk.server.session.ClientSecrets;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.verification.VerificationService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code GET /v1/sessions/{id}/chip}, upgraded to a WebSocket: the holder's device relays APDUs
 * between the chip and the server, which reads it as the terminal. Authorised like the other holder
 * endpoints by the session's client secret, sent as {@code Authorization: Bearer cs_…} or, from a
 * browser (which cannot set headers on a WebSocket), as a second subprotocol after
 * {@value #SUBPROTOCOL}. The socket only hands frames to the {@link RelayConnection}.
 */
public final class ChipRelayRoutes implements RouteModule {
    public static final String PATH = "/v1/sessions/{id}/chip";
    /** The subprotocol a browser offers (and the server echoes) alongside the client secret. */
    public static final String SUBPROTOCOL = "proofdesk.chip.v1";
    private static final String AUTHORISED = "proofdesk.relay.authorised";
    private static final String CONNECTION = "proofdesk.relay.connection";
    private static final Duration IDLE_MARGIN = Duration.ofSeconds(10);

    private final Function<Environment, VerificationService> verification;
    private final ChipTerminal terminal;
    private final RelaySettings settings;
    private final RelayFrames frames;

    public ChipRelayRoutes(Function<Environment, VerificationService> verification, ChipTerminal terminal,
                           RelaySettings settings, ObjectMapper json) {
        this.verification = verification;
        this.terminal = terminal;
        this.settings = settings;
        this.frames = new RelayFrames(json);
    }

    private record Authorised(Environment environment, String sessionId, String secret) {
    }

    @Override
    public String openApiFragment() {
        return "openapi/chip_relay.json";
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.wsBeforeUpgrade(PATH, Upgrades.refusable(ctx -> {
            guard.holderLimits().acquire(ctx);
            String secret = secret(ctx);
            Environment env = ClientSecrets.environmentOf(secret).orElseThrow();
            String id = ctx.pathParam("id");
            verification.apply(env).holder().session(id, secret);
            ctx.attribute(AUTHORISED, new Authorised(env, id, secret));
        }));
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setMaxTextMessageSize(RelayFrames.MAX_MESSAGE_CHARS);
                ctx.session.setMaxFrameSize(RelayFrames.MAX_MESSAGE_CHARS);
                ctx.session.setMaxBinaryMessageSize(1024);
                ctx.session.setIdleTimeout(settings.readTimeout().plus(IDLE_MARGIN));
                Authorised who = ctx.attribute(AUTHORISED);
                RelayConnection connection = new RelayConnection(who.sessionId(), who.secret(),
                        verification.apply(who.environment()), terminal, settings, frames, socket(ctx));
                ctx.attribute(CONNECTION, connection);
                connection.start();
            });
            ws.onMessage(ctx -> connection(ctx).received(ctx.message()));
            ws.onBinaryMessage(ctx -> connection(ctx).receivedBinary());
            ws.onClose(ctx -> connection(ctx).closed());
            ws.onError(ctx -> connection(ctx).closed());
        });
    }

    private static RelayConnection connection(WsContext ctx) {
        return ctx.attribute(CONNECTION);
    }

    private RelaySocket socket(WsContext ctx) {
        return new RelaySocket() {
            @Override
            public void send(String text) {
                Callback.Completable written = new Callback.Completable();
                ctx.session.sendText(text, written);
                try {
                    written.get(settings.apduTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending a frame", e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("the frame could not be sent", e);
                }
            }

            @Override
            public void close(int statusCode, String reason) {
                ctx.closeSession(statusCode, reason);
            }
        };
    }

    /**
     * The client secret from {@code Authorization: Bearer}, else from the offered subprotocols, in
     * which case {@value #SUBPROTOCOL} must be offered too and is the one the server accepts.
     */
    private static String secret(Context ctx) {
        String header = ctx.header("Authorization");
        List<String> offered = ctx.header("Sec-WebSocket-Protocol") == null ? List.of()
                : Arrays.stream(ctx.header("Sec-WebSocket-Protocol").split(",")).map(String::strip).toList();
        if (offered.contains(SUBPROTOCOL)) {
            ctx.header("Sec-WebSocket-Protocol", SUBPROTOCOL);
        }
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : offered.stream().filter(p -> ClientSecrets.environmentOf(p).isPresent()).findFirst().orElse(null);
        if (secret == null || ClientSecrets.environmentOf(secret).isEmpty()) {
            throw ApiException.unauthenticated("Send the session's client secret: 'Authorization: Bearer cs_test_…', "
                    + "or from a browser as subprotocols: new WebSocket(url, ['" + SUBPROTOCOL + "', clientSecret]).");
        }
        if (header == null && !offered.contains(SUBPROTOCOL)) {
            throw ApiException.validation("Sec-WebSocket-Protocol", "offer '" + SUBPROTOCOL
                    + "' together with the client secret, e.g. new WebSocket(url, ['" + SUBPROTOCOL + "', clientSecret])");
        }
        return secret;
    }
}
