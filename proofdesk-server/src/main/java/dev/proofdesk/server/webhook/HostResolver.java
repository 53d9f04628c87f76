package dev.proofdesk.server.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution, a seam so tests can decide what a host name points to. */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
