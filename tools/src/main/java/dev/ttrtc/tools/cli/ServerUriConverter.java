package dev.ttrtc.tools.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code --server}: a ws:// or wss:// address with a host, checked before anything starts. */
final class ServerUriConverter implements CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw notARoomServer(value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw notARoomServer(value);
        }
        return uri;
    }

    private static CommandLine.TypeConversionException notARoomServer(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is not a ws:// or wss:// address with a host"
                + " (example: ws://127.0.0.1:7700/signal)");
    }
}
