package com.clinic.platform.bootstrap;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * {@code clinic.http.trusted-proxies}: the only peers whose {@code X-Forwarded-For} is believed
 * (addresses or CIDR blocks, none by default). The client address throttles sign-ins and goes into
 * the audit trail, so a header any caller can write must not decide it. Tomcat's RemoteIpValve
 * (from {@code server.forward-headers-strategy: native}) otherwise trusts every private-range peer,
 * which is every other container on the same network.
 *
 * <p>Runs after Boot's own Tomcat customizer, which adds the valve with that default.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    private final String cidrs;

    TrustedProxies(HttpProperties properties) {
        this.cidrs = properties.trustedProxies().stream()
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::cidr)
                .collect(Collectors.joining(","));
    }

    private static String cidr(String entry) {
        String block = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
        try {
            new NetMask(block);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "clinic.http.trusted-proxies: '" + entry + "' is neither an IP address nor a CIDR block", e);
        }
        return block;
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        List<RemoteIpValve> valves = factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .toList();
        if (valves.isEmpty() && !cidrs.isEmpty()) {
            throw new IllegalStateException(
                    "clinic.http.trusted-proxies is set but server.forward-headers-strategy is not native");
        }
        for (RemoteIpValve valve : valves) {
            // Empty: no peer is a proxy, X-Forwarded-* is ignored and the peer's own address counts.
            valve.setInternalProxies(cidrs.isEmpty() ? null : cidrs);
            valve.setTrustedProxies(null);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
