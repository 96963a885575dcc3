package com.clinic.platform.rest;

import com.clinic.platform.application.context.RequestContext;
import com.clinic.platform.application.idempotency.IdempotencyStore;
import com.clinic.platform.application.idempotency.IdempotencyStore.Claim;
import com.clinic.platform.application.idempotency.IdempotencyStore.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its response is stored;
 * a retry with the same key and the same request gets that response again (and runs nothing, so no
 * second event); the same key with a different request is refused with 422; a retry that arrives
 * while the first is still running gets 409. Keys are scoped per authenticated user.
 *
 * <p>Registered after the security filters, so the caller is known; see {@code WebConfiguration}.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> REPLAYED_HEADERS =
            List.of("Location", "ETag", "Content-Type", "Content-Language");

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "idempotency.invalid-key");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodySizeLimitFilter.BodyTooLargeException tooLarge) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large");
            return;
        }
        String scope = RequestContext.current()
                .flatMap(RequestContext::actor)
                .map(actor -> "user:" + actor.userId())
                .orElse("anonymous");
        String fingerprint = fingerprint(request, body);

        switch (store.claim(scope, key, fingerprint)) {
            case Claim.Acquired acquired -> run(request, response, chain, body, scope, key);
            case Claim.Replay replay
            when replay.requestFingerprint().equals(fingerprint) -> replay(response, replay.response());
            case Claim.Replay replay ->
                problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key-reused");
            case Claim.InProgress inProgress
            when inProgress.requestFingerprint().equals(fingerprint) ->
                problems.write(request, response, HttpStatus.CONFLICT, "idempotency.in-progress");
            case Claim.InProgress inProgress ->
                problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key-reused");
        }
    }

    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            byte[] body,
            String scope,
            String key)
            throws IOException, ServletException {
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new ReplayableRequest(request, body), recording);
            int status = recording.getStatus();
            if (isFinalAnswer(status) && !isNoStore(recording.getHeader("Cache-Control"))) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : REPLAYED_HEADERS) {
                    String value = name.equals("Content-Type") ? recording.getContentType() : recording.getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                store.complete(scope, key, new StoredResponse(status, headers, recording.getContentAsByteArray()));
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(scope, key);
            }
            recording.copyBodyToResponse();
        }
    }

    /** Server failures and authentication outcomes are not remembered: a retry deserves a fresh try. */
    private static boolean isFinalAnswer(int status) {
        return status < 500 && status != 401 && status != 403 && status != 429;
    }

    /**
     * Responses marked {@code no-store} carry secrets (access, refresh and activation tokens) that
     * must only ever be stored hashed; such a request simply runs again on retry.
     */
    private static boolean isNoStore(String cacheControl) {
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach((name, value) -> {
            if (name.equals("Content-Type")) {
                response.setContentType(value);
            } else {
                response.setHeader(name, value);
            }
        });
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(stored.body());
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (request.getQueryString() != null) {
                digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
