package dev.ttrtc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlMappingTest {

    private static String map(List<UrlMapping> mappings, String url) {
        return UrlMapping.applyFirst(mappings, URI.create(url)).toString();
    }

    @Test
    void a_prefix_is_replaced_keeping_path_query_and_fragment() {
        List<UrlMapping> m = List.of(UrlMapping.of("https://api.example.com/v1", "http://127.0.0.1:8080/mock"));
        assertEquals("http://127.0.0.1:8080/mock/users?id=7#top", map(m, "https://api.example.com/v1/users?id=7#top"));
        assertEquals("http://127.0.0.1:8080/mock", map(m, "https://api.example.com/v1"));
        assertEquals("http://127.0.0.1:8080/mock/", map(m, "https://API.example.com:443/v1/"));
    }

    @Test
    void the_path_prefix_matches_whole_segments_and_the_port_and_security_must_agree() {
        List<UrlMapping> m = List.of(UrlMapping.of("https://api.example.com/v1", "http://127.0.0.1:8080"));
        assertEquals("https://api.example.com/v10/x", map(m, "https://api.example.com/v10/x"));
        assertEquals("https://api.example.com:8443/v1/x", map(m, "https://api.example.com:8443/v1/x"));
        assertEquals("http://api.example.com/v1/x", map(m, "http://api.example.com/v1/x"));
        assertEquals("https://other.example.com/v1/x", map(m, "https://other.example.com/v1/x"));
    }

    @Test
    void web_sockets_keep_their_kind_of_scheme() {
        List<UrlMapping> m = List.of(UrlMapping.of("https://api.example.com", "http://127.0.0.1:8080"));
        assertEquals("ws://127.0.0.1:8080/chat", map(m, "wss://api.example.com/chat"));
        List<UrlMapping> secure = List.of(UrlMapping.of("ws://game.example.com:9000", "wss://relay.example.org"));
        assertEquals("https://relay.example.org/state", map(secure, "http://game.example.com:9000/state"));
    }

    @Test
    void the_first_matching_mapping_wins() {
        List<UrlMapping> m = List.of(UrlMapping.parse("https://api.example.com/v1=http://127.0.0.1:1"),
                UrlMapping.parse("https://api.example.com=http://127.0.0.1:2"));
        assertEquals("http://127.0.0.1:1/a", map(m, "https://api.example.com/v1/a"));
        assertEquals("http://127.0.0.1:2/v2/a", map(m, "https://api.example.com/v2/a"));
    }

    @Test
    void bad_mappings_are_refused_with_one_line() {
        assertEquals("URL mapping \"https://a.example.com\" is not FROM=TO",
                assertThrows(IllegalArgumentException.class, () -> UrlMapping.parse("https://a.example.com")).getMessage());
        assertEquals("URL mapping: from \"ftp://a.example.com\" must be an absolute http, https, ws or wss address with a host",
                assertThrows(IllegalArgumentException.class, () -> UrlMapping.parse("ftp://a.example.com=http://127.0.0.1")).getMessage());
        assertEquals("URL mapping: to \"http://127.0.0.1/x?y=1\" must not have a query, a fragment or user info",
                assertThrows(IllegalArgumentException.class, () -> UrlMapping.of("https://a.example.com", "http://127.0.0.1/x?y=1")).getMessage());
    }
}
