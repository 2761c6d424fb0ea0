package dev.ttrtc.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Points a project's hard-coded server addresses at another server without editing the project:
 * {@code https://api.example.com=http://127.0.0.1:8080}. The network APIs ({@code request},
 * {@code downloadFile}, {@code uploadFile}, {@code connectSocket}) pass every URL through the
 * instance's mappings before connecting.
 *
 * <p>Rules:
 * <ul>
 * <li>{@code from} is scheme, host, optional port and optional path prefix; {@code to} is the
 *     same with any of http, https, ws, wss. Neither may carry a query, a fragment or user info.
 * <li>A URL matches when its host equals {@code from}'s (ignoring case), its port equals
 *     {@code from}'s (the scheme's default port when none is written), its scheme is as secure as
 *     {@code from}'s (http and ws match an http or ws {@code from}; https and wss an https or wss
 *     one), and its path starts with {@code from}'s path at a segment boundary ({@code /v1} matches
 *     {@code /v1} and {@code /v1/users}, not {@code /v10}).
 * <li>The matched prefix is replaced by {@code to}: the rest of the path, the query and the
 *     fragment are kept. The scheme follows the URL's kind: an http(s) request gets {@code to}'s
 *     scheme as http or https, a WebSocket gets it as ws or wss.
 * <li>Mappings are tried in the order given; the first match wins. A URL that no mapping matches
 *     is used as it is.
 * </ul>
 */
public final class UrlMapping {
    private static final List<String> WEB_SCHEMES = List.of("http", "https", "ws", "wss");

    private final URI from;
    private final URI to;

    private UrlMapping(URI from, URI to) {
        this.from = from;
        this.to = to;
    }

    /**
     * A mapping from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException with a one-line reason when either is not an absolute
     *     http, https, ws or wss address without query, fragment or user info
     */
    public static UrlMapping of(String from, String to) {
        return new UrlMapping(checked("from", from), checked("to", to));
    }

    /**
     * Parses {@code FROM=TO}, the form the command line takes ({@code --map-url FROM=TO}).
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static UrlMapping parse(String fromEqualsTo) {
        Objects.requireNonNull(fromEqualsTo, "fromEqualsTo");
        int eq = fromEqualsTo.indexOf('=');
        if (eq <= 0 || eq == fromEqualsTo.length() - 1) {
            throw new IllegalArgumentException("URL mapping \"" + fromEqualsTo + "\" is not FROM=TO");
        }
        return of(fromEqualsTo.substring(0, eq).trim(), fromEqualsTo.substring(eq + 1).trim());
    }

    private static URI checked(String role, String address) {
        Objects.requireNonNull(address, role);
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL mapping: " + role + " \"" + address + "\" is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!WEB_SCHEMES.contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("URL mapping: " + role + " \"" + address
                    + "\" must be an absolute http, https, ws or wss address with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("URL mapping: " + role + " \"" + address
                    + "\" must not have a query, a fragment or user info");
        }
        return uri;
    }

    public String from() {
        return from.toString();
    }

    public String to() {
        return to.toString();
    }

    /** The mapped URL when {@code url} matches this mapping, otherwise empty. */
    public Optional<URI> apply(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!WEB_SCHEMES.contains(scheme) || url.getHost() == null || isSecure(scheme) != isSecure(from.getScheme())
                || !url.getHost().equalsIgnoreCase(from.getHost()) || port(url) != port(from)) {
            return Optional.empty();
        }
        String prefix = trimSlash(from.getRawPath());
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!path.startsWith(prefix) || (path.length() > prefix.length() && path.charAt(prefix.length()) != '/')) {
            return Optional.empty();
        }
        StringBuilder mapped = new StringBuilder()
                .append(targetScheme(isWebSocket(scheme))).append("://").append(to.getRawAuthority())
                .append(trimSlash(to.getRawPath())).append(path.substring(prefix.length()));
        if (url.getRawQuery() != null) {
            mapped.append('?').append(url.getRawQuery());
        }
        if (url.getRawFragment() != null) {
            mapped.append('#').append(url.getRawFragment());
        }
        return Optional.of(URI.create(mapped.toString()));
    }

    /** The first mapping of {@code mappings} that matches {@code url} applied to it, or {@code url} itself. */
    public static URI applyFirst(List<UrlMapping> mappings, URI url) {
        for (UrlMapping mapping : mappings) {
            Optional<URI> mapped = mapping.apply(url);
            if (mapped.isPresent()) {
                return mapped.get();
            }
        }
        return url;
    }

    private String targetScheme(boolean webSocket) {
        boolean secure = isSecure(to.getScheme());
        return webSocket ? (secure ? "wss" : "ws") : (secure ? "https" : "http");
    }

    private static boolean isSecure(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        return s.equals("https") || s.equals("wss");
    }

    private static boolean isWebSocket(String scheme) {
        return scheme.equals("ws") || scheme.equals("wss");
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : isSecure(uri.getScheme()) ? 443 : 80;
    }

    private static String trimSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UrlMapping m && m.from.equals(from) && m.to.equals(to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to);
    }

    @Override
    public String toString() {
        return from + "=" + to;
    }
}
