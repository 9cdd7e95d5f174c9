package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The addresses a host name resolves to, asked once per outbound call: the caller connects to an address it was
 * given here, never to the name again, so the name cannot resolve elsewhere between the check and the connect.
 */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
