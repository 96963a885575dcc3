package com.clinic.notifications.external;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Twilio's HTTP client, with two changes. Every request goes to the configured base URL, when there is
 * one, with the path Twilio's SDK built: the SDK writes {@code https://<product>.twilio.com} into each
 * request and has no setting for it (ADR 0023). And a request is made once: the SDK's own loop would
 * POST a message again after a 5xx, which can send the text twice (Twilio has no idempotency key), and
 * the delivery retries with back-off of its own.
 *
 * <p>The SDK sets its own connect timeout on every request (30.5 s); the read timeout is this
 * client's socket timeout. The HTTP client underneath makes no retry of its own either (Apache's
 * default strategy repeats a POST answered 503 or 429 a second later, unrecorded).
 */
final class TwilioBaseUrlClient extends NetworkHttpClient implements Closeable {

    private final Optional<String> base;

    TwilioBaseUrlClient(Optional<URI> baseUrl, Duration readTimeout) {
        super(HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections(readTimeout))
                // Apache's client would otherwise POST the message again itself after a 503 or 429.
                .disableAutomaticRetries());
        this.base = baseUrl.map(url -> url.toString().replaceAll("/+$", ""));
    }

    private static PoolingHttpClientConnectionManager connections(Duration readTimeout) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setDefaultSocketConfig(SocketConfig.custom()
                .setSoTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                .setSoKeepAlive(true)
                .build());
        pool.setDefaultMaxPerRoute(10);
        pool.setMaxTotal(20);
        return pool;
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(base.map(root -> rewritten(request, root)).orElse(request));
    }

    /** The same request (method, auth, parameters, headers, body) on {@code root}. */
    static Request rewritten(Request request, String root) {
        URI original = URI.create(request.getUrl());
        Request moved = new Request(request.getMethod(), root + original.getRawPath());
        if (request.getUsername() != null && request.getPassword() != null) {
            moved.setAuth(request.getUsername(), request.getPassword());
        } else if (request.getAuthStrategy() != null) {
            moved.setAuth(request.getAuthStrategy());
        }
        copy(request.getQueryParams(), moved::addQueryParam);
        copy(request.getPostParams(), moved::addPostParam);
        copy(request.getHeaderParams(), moved::addHeaderParam);
        moved.setFormParameters(request.getFormParameters());
        moved.setContentType(request.getContentType());
        moved.setBody(request.getBody());
        moved.setUserAgentExtensions(request.getUserAgentExtensions());
        return moved;
    }

    private interface Adder {
        void add(String name, String value);
    }

    private static void copy(Map<String, List<String>> from, Adder to) {
        from.forEach((name, values) -> values.forEach(value -> to.add(name, value)));
    }

    /** The SDK's client never closes its connection pool. */
    @Override
    public void close() throws IOException {
        client.close();
    }
}
