package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.ReconnectPolicy;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.ApiMock;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.Position;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.UrlMapping;
import dev.ttrtc.runtime.UserAccount;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the options of {@code t.launch(dir, options)} and {@code t.remote(user, options)} (as
 * the JSON {@code harness.js} sends) into the host's own types. The shapes are declared in
 * {@code conformance/types/tt-host-test.d.ts}.
 */
final class LaunchSpec {
    private LaunchSpec() {
    }

    /**
     * The launch options of the project {@code dir} (relative to {@code baseDir}, the test file's
     * folder, as the files it names are); its RTC APIs use the room server {@code signalUri} gives
     * (started on demand).
     */
    static LaunchOptions launchOptions(Path baseDir, String dir, JsonNode o, Supplier<URI> signalUri) {
        LaunchOptions.Builder b = LaunchOptions.builder(baseDir.resolve(dir).normalize()).name(o.path("name").asText("app"));
        if (o.hasNonNull("page")) {
            b.page(o.get("page").asText());
        }
        JsonNode query = o.get("query");
        if (query != null && query.isTextual()) {
            b.query(LaunchOptions.parseQuery(query.asText()));
        } else if (query != null && query.isObject()) {
            query.fields().forEachRemaining(e -> b.query(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        if (o.hasNonNull("systemInfo")) {
            b.systemInfo(SystemInfo.defaults().withAll(o.get("systemInfo")));
        }
        if (o.hasNonNull("modal")) {
            b.modalConfirms(!"cancel".equals(o.get("modal").asText()));
        }
        if (o.hasNonNull("actionSheet")) {
            b.actionSheetAnswer(o.get("actionSheet").asInt());
        }
        if (o.hasNonNull("chooseImage")) {
            b.chosenImages(files(baseDir, o.get("chooseImage")));
        }
        if (o.hasNonNull("position")) {
            b.position(position(o.get("position")));
        }
        if (o.hasNonNull("network")) {
            b.networkType(o.get("network").asText());
        }
        if (o.hasNonNull("user")) {
            b.user(user(o.get("user")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("authorize").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> scopeAnswer = it.next();
            if (!scopeAnswer.getValue().asBoolean(true)) {
                b.deny(scopeAnswer.getKey());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("mocks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> mock = it.next();
            b.mock(mock.getKey(), mock.getValue().has("js") ? ApiMock.js(mock.getValue().get("js").asText())
                    : ApiMock.result(mock.getValue().get("result")));
        }
        mapUrls(o.get("mapUrl"), b);
        if (o.path("rtc").asBoolean(true)) {
            RtcSettings settings = RtcSettings.of(signalUri.get()).withMedia(mediaConfig(o));
            if (o.has("reconnectGiveUpMs")) {
                settings = settings.withReconnect(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500),
                        Duration.ofMillis(o.get("reconnectGiveUpMs").asLong())));
            }
            b.extension(RtcSettings.class, settings);
        }
        return b.build();
    }

    /** {@code chooseImage: ['a.png', …]}, relative to the test file's folder. */
    private static List<Path> files(Path baseDir, JsonNode names) {
        if (!names.isArray()) {
            throw new IllegalArgumentException("chooseImage is an array of file paths, not " + names);
        }
        List<Path> files = new ArrayList<>();
        for (JsonNode name : names) {
            if (!name.isTextual() || name.asText().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("chooseImage lists file paths; " + name + " is not one");
            }
            files.add(baseDir.resolve(name.asText()).normalize());
        }
        return files;
    }

    /** {@code position: {latitude, longitude, altitude?, accuracy?}}. */
    private static Position position(JsonNode p) {
        if (!p.path("latitude").isNumber() || !p.path("longitude").isNumber()) {
            throw new IllegalArgumentException("position needs a numeric latitude and longitude, not " + p);
        }
        return new Position(p.get("latitude").asDouble(), p.get("longitude").asDouble(), p.path("altitude").asDouble(0),
                p.path("accuracy").asDouble(30));
    }

    /**
     * {@code mapUrl: {FROM: TO, ...}} (tried in the order written) or {@code ['FROM=TO', ...]},
     * the rules of {@link UrlMapping}; a bad address throws its one-line reason.
     */
    private static void mapUrls(JsonNode mapUrl, LaunchOptions.Builder b) {
        if (mapUrl == null || mapUrl.isNull()) {
            return;
        }
        if (mapUrl.isObject()) {
            mapUrl.fields().forEachRemaining(e -> b.mapUrl(e.getKey(), e.getValue().asText()));
        } else if (mapUrl.isArray()) {
            mapUrl.forEach(m -> b.mapUrl(UrlMapping.parse(m.asText())));
        } else {
            throw new IllegalArgumentException("mapUrl: an object {FROM: TO} or an array of 'FROM=TO', got " + mapUrl);
        }
    }

    /** The simulated user of {@code t.launch(dir, {user: {...}})}: the fields of {@link UserAccount}, the profile flattened. */
    private static UserAccount user(JsonNode u) {
        UserAccount account = UserAccount.defaults();
        if (u.hasNonNull("openId")) {
            account = account.withOpenId(u.get("openId").asText());
        }
        account = account.withLoggedIn(u.path("loggedIn").asBoolean(account.loggedIn()))
                .withAcceptsLogin(u.path("acceptsLogin").asBoolean(account.acceptsLogin()))
                .withSession(u.path("hasSession").asBoolean(account.hasSession()));
        if (u.hasNonNull("sessionKey")) {
            account = account.withSessionKey(u.get("sessionKey").asText());
        }
        UserAccount.Profile p = account.profile();
        return account.withProfile(new UserAccount.Profile(u.path("nickName").asText(p.nickName()),
                u.path("avatarUrl").asText(p.avatarUrl()), u.path("gender").asInt(p.gender()), u.path("city").asText(p.city()),
                u.path("province").asText(p.province()), u.path("country").asText(p.country()),
                u.path("language").asText(p.language())));
    }

    /**
     * The media of an instance or participant: {@code media: false} is the signalling-only mode
     * (for tests of membership with many participants); {@code microphone} picks what is sent
     * (see {@link #audioInput}).
     */
    static MediaConfig mediaConfig(JsonNode o) {
        if (!o.path("media").asBoolean(true)) {
            return MediaConfig.SIGNALLING_ONLY;
        }
        return o.has("microphone") ? MediaConfig.DEFAULT.withMicrophone(audioInput(o.get("microphone"))) : MediaConfig.DEFAULT;
    }

    /** {@code 'speech'}, {@code 'silence'}, {@code {tone: hertz}} or {@code {talk: {speaking: ms, pause: ms}}}. */
    static AudioInput audioInput(JsonNode spec) {
        if (spec.isTextual() && spec.asText().equals("speech")) {
            return AudioInput.speech();
        }
        if (spec.isTextual() && spec.asText().equals("silence")) {
            return AudioInput.silence();
        }
        if (spec.has("tone")) {
            return AudioInput.tone(spec.get("tone").asDouble(), spec.path("dbfs").asDouble(-20));
        }
        if (spec.has("talk")) {
            return AudioInput.talkPattern(AudioInput.speech(), Duration.ofMillis(spec.get("talk").path("speaking").asLong(2000)),
                    Duration.ofMillis(spec.get("talk").path("pause").asLong(2000)));
        }
        throw new IllegalArgumentException("microphone: 'speech', 'silence', {tone: hertz} or {talk: {speaking, pause}}, got " + spec);
    }
}
