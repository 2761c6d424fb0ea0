package dev.ttrtc.runtime.internal.apis.network;

import dev.ttrtc.runtime.UrlMapping;
import dev.ttrtc.runtime.api.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** URL handling as the platform's JS side does it: parsing what projects write, query strings, mappings. */
final class Urls {
    /** Characters encodeURIComponent leaves as they are. */
    private static final String COMPONENT_SAFE = "-_.!~*'()";
    /** Characters a URL may hold as they are (RFC 3986 reserved and unreserved, and the percent sign). */
    private static final String URL_SAFE = "-_.~!*'();:@&=+$,/?#[]%";

    private Urls() {
    }

    /**
     * The absolute address a network API connects to: {@code url} as the project wrote it (spaces
     * and non-ASCII characters percent-encoded, as a browser would), checked to use one of
     * {@code schemes}, then passed through the instance's URL mappings.
     */
    static URI target(String url, List<String> schemes, List<UrlMapping> mappings) throws ApiException {
        URI uri;
        try {
            uri = new URI(encodeIllegal(url.trim()));
        } catch (URISyntaxException e) {
            throw invalid(url, schemes);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(url, schemes);
        }
        return UrlMapping.applyFirst(mappings, uri);
    }

    private static ApiException invalid(String url, List<String> schemes) {
        String list = schemes.stream().collect(Collectors.joining(" or "));
        return ApiException.parameter("expect params.url to be an absolute " + list + " URL, but got " + url);
    }

    /** {@code k=v&k2=v2}, each part encoded as JS {@code encodeURIComponent} does. */
    static String queryString(Map<String, String> entries) {
        return entries.entrySet().stream()
                .map(e -> encodeComponent(e.getKey()) + "=" + encodeComponent(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** {@code uri} with {@code query} added to the query it has (before any fragment). */
    static URI withQuery(URI uri, String query) {
        if (query.isEmpty()) {
            return uri;
        }
        String text = uri.toString();
        int hash = text.indexOf('#');
        String fragment = hash < 0 ? "" : text.substring(hash);
        String base = hash < 0 ? text : text.substring(0, hash);
        String joiner = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return URI.create(base + joiner + encodeIllegal(query) + fragment);
    }

    /** JS {@code encodeURIComponent}. */
    static String encodeComponent(String text) {
        return encode(text, COMPONENT_SAFE);
    }

    /** Percent-encodes what a URL cannot hold as it is, leaving existing escapes alone. */
    private static String encodeIllegal(String text) {
        return encode(text, URL_SAFE);
    }

    private static String encode(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80 && safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
