package dev.ttrtc.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * How to launch one mini-program instance: the project folder, the first page and its query,
 * what the simulated phone answers, and settings for API modules added by other modules.
 */
public final class LaunchOptions {
    private final Path projectDir;
    private final String page;
    private final Map<String, String> query;
    private final SystemInfo systemInfo;
    private final boolean modalConfirms;
    private final int actionSheetAnswer;
    private final List<Path> chosenImages;
    private final Position position;
    private final UserAccount user;
    private final String networkType;
    private final Set<String> deniedScopes;
    private final Map<String, ApiMock> mocks;
    private final List<UrlMapping> urlMappings;
    private final Map<Class<?>, Object> extensions;
    private final String name;
    private final ZoneId timeZone;
    private final Locale locale;
    private final BiConsumer<String, HostEvent> eventListener;

    private LaunchOptions(Builder b) {
        this.projectDir = b.projectDir;
        this.page = b.page;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.systemInfo = b.systemInfo;
        this.modalConfirms = b.modalConfirms;
        this.actionSheetAnswer = b.actionSheetAnswer;
        this.chosenImages = List.copyOf(b.chosenImages);
        this.position = b.position;
        this.user = b.user;
        this.networkType = b.networkType;
        this.deniedScopes = Set.copyOf(b.deniedScopes);
        this.mocks = Collections.unmodifiableMap(new LinkedHashMap<>(b.mocks));
        this.urlMappings = List.copyOf(b.urlMappings);
        this.extensions = Map.copyOf(b.extensions);
        this.name = b.name;
        this.timeZone = b.timeZone;
        this.locale = b.locale;
        this.eventListener = b.eventListener;
    }

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    public Builder toBuilder() {
        Builder b = new Builder(projectDir);
        b.page = page;
        b.query.putAll(query);
        b.systemInfo = systemInfo;
        b.modalConfirms = modalConfirms;
        b.actionSheetAnswer = actionSheetAnswer;
        b.chosenImages.addAll(chosenImages);
        b.position = position;
        b.user = user;
        b.networkType = networkType;
        b.deniedScopes.addAll(deniedScopes);
        b.mocks.putAll(mocks);
        b.urlMappings.addAll(urlMappings);
        b.extensions.putAll(extensions);
        b.name = name;
        b.timeZone = timeZone;
        b.locale = locale;
        b.eventListener = eventListener;
        return b;
    }

    public Path projectDir() {
        return projectDir;
    }

    /** The route to open first, or empty for the app's launch page. */
    public Optional<String> page() {
        return Optional.ofNullable(page);
    }

    public Map<String, String> query() {
        return query;
    }

    public SystemInfo systemInfo() {
        return systemInfo;
    }

    /** What {@code tt.showModal} answers: confirm (the default) or cancel. */
    public boolean modalConfirms() {
        return modalConfirms;
    }

    /** The item {@code tt.showActionSheet} answers with; -1 (or an index past the items) cancels. */
    public int actionSheetAnswer() {
        return actionSheetAnswer;
    }

    /** The files the user picks in every {@code tt.chooseImage} (at most its count); none: the user cancels. */
    public List<Path> chosenImages() {
        return chosenImages;
    }

    /** Where the simulated phone is ({@code tt.getLocation}). */
    public Position position() {
        return position;
    }

    /** The simulated user for login and user info. */
    public UserAccount user() {
        return user;
    }

    /** The network type at launch ({@code wifi}, {@code 4g}, {@code none}, …). */
    public String networkType() {
        return networkType;
    }

    /** Scopes ({@code scope.record}, {@code scope.camera}, ...) the simulated user refuses. */
    public Set<String> deniedScopes() {
        return deniedScopes;
    }

    public Map<String, ApiMock> mocks() {
        return mocks;
    }

    /** Where the network APIs send a project's hard-coded addresses instead, in order (see {@link UrlMapping}). */
    public List<UrlMapping> urlMappings() {
        return urlMappings;
    }

    /** A setting an API module reads, keyed by its type. */
    public <T> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(type.cast(extensions.get(type)));
    }

    /** A label for this instance in logs and thread names, or empty for a generated one. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Told every event of the instance from its first, start-up included: see {@link Builder#onEvent}. */
    public Optional<BiConsumer<String, HostEvent>> eventListener() {
        return Optional.ofNullable(eventListener);
    }

    /**
     * The time zone the instance's JS sees ({@code Date}, {@code Intl}): UTC unless set, never the
     * host's own (which would tell a mini-program where the host runs).
     */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The locale the instance's JS sees ({@code Intl}, {@code toLocaleString}): {@code en-US} unless set. */
    public Locale locale() {
        return locale;
    }

    /** The network types the platform reports; {@code none} means no connection. */
    public static final List<String> NETWORK_TYPES = List.of("wifi", "2g", "3g", "4g", "5g", "unknown", "none");

    /** Returns {@code type} when it is one of {@link #NETWORK_TYPES}. */
    public static String checkNetworkType(String type) {
        if (!NETWORK_TYPES.contains(Objects.requireNonNull(type, "type"))) {
            throw new IllegalArgumentException("network type must be one of " + NETWORK_TYPES + ", got \"" + type + "\"");
        }
        return type;
    }

    /** Parses {@code k=v&k2=v2} (percent-encoded) into an ordered map. */
    public static Map<String, String> parseQuery(String queryString) {
        Map<String, String> result = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return result;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            result.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return result;
    }

    public static final class Builder {
        private final Path projectDir;
        private String page;
        private final Map<String, String> query = new LinkedHashMap<>();
        private SystemInfo systemInfo = SystemInfo.defaults();
        private boolean modalConfirms = true;
        private int actionSheetAnswer;
        private final List<Path> chosenImages = new ArrayList<>();
        private Position position = Position.defaults();
        private UserAccount user = UserAccount.defaults();
        private String networkType = "wifi";
        private final Set<String> deniedScopes = new LinkedHashSet<>();
        private final Map<String, ApiMock> mocks = new LinkedHashMap<>();
        private final List<UrlMapping> urlMappings = new ArrayList<>();
        private final Map<Class<?>, Object> extensions = new HashMap<>();
        private String name;
        private ZoneId timeZone = ZoneOffset.UTC;
        private Locale locale = Locale.US;
        private BiConsumer<String, HostEvent> eventListener;

        private Builder(Path projectDir) {
            this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
        }

        /** The route to open first (for example {@code pages/room/room}); null for the launch page. */
        public Builder page(String route) {
            this.page = route;
            return this;
        }

        public Builder query(Map<String, String> values) {
            query.putAll(values);
            return this;
        }

        public Builder query(String key, String value) {
            query.put(key, value);
            return this;
        }

        public Builder systemInfo(SystemInfo info) {
            this.systemInfo = Objects.requireNonNull(info, "info");
            return this;
        }

        public Builder modalConfirms(boolean confirms) {
            this.modalConfirms = confirms;
            return this;
        }

        /** The item the user taps in every action sheet (0 by default); -1 cancels. */
        public Builder actionSheetAnswer(int tapIndex) {
            if (tapIndex < -1) {
                throw new IllegalArgumentException("actionSheetAnswer is an item index, or -1 to cancel; got " + tapIndex);
            }
            this.actionSheetAnswer = tapIndex;
            return this;
        }

        /**
         * The image files (of this machine) the user picks in every {@code tt.chooseImage}, each
         * handed to the mini-program as a copy in its temp folder; with none (the default) the
         * user cancels.
         *
         * @throws IllegalArgumentException when a file is not a readable regular file
         */
        public Builder chosenImages(List<Path> files) {
            for (Path file : files) {
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new IllegalArgumentException("chosen image " + file + " is not a readable file");
                }
            }
            chosenImages.clear();
            chosenImages.addAll(files);
            return this;
        }

        /** Where the simulated phone is ({@link Position#defaults()} unless set). */
        public Builder position(Position where) {
            this.position = Objects.requireNonNull(where, "where");
            return this;
        }

        /** The simulated user ({@link UserAccount#defaults()} unless set). */
        public Builder user(UserAccount account) {
            this.user = Objects.requireNonNull(account, "account");
            return this;
        }

        /** The network type at launch: {@code wifi} (default), {@code 2g}…{@code 5g}, {@code unknown} or {@code none}. */
        public Builder networkType(String type) {
            this.networkType = checkNetworkType(type);
            return this;
        }

        public Builder deny(String scope) {
            deniedScopes.add(scope);
            return this;
        }

        public Builder mock(String apiName, ApiMock mock) {
            mocks.put(Objects.requireNonNull(apiName, "apiName"), Objects.requireNonNull(mock, "mock"));
            return this;
        }

        /** Removes a mock so the real API is used again. */
        public Builder restoreMock(String apiName) {
            mocks.remove(apiName);
            return this;
        }

        /**
         * Adds a URL mapping after those already added (the first match wins), for example
         * {@code mapUrl("https://api.example.com", "http://127.0.0.1:8080")}.
         *
         * @throws IllegalArgumentException with a one-line reason when either address is not valid
         */
        public Builder mapUrl(String from, String to) {
            return mapUrl(UrlMapping.of(from, to));
        }

        public Builder mapUrl(UrlMapping mapping) {
            urlMappings.add(Objects.requireNonNull(mapping, "mapping"));
            return this;
        }

        public <T> Builder extension(Class<T> type, T value) {
            extensions.put(type, type.cast(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** The time zone the instance's JS sees (UTC unless set); {@code ZoneId.systemDefault()} shows the host's. */
        public Builder timeZone(ZoneId zone) {
            this.timeZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The locale the instance's JS sees ({@code en-US} unless set). */
        public Builder locale(Locale value) {
            this.locale = Objects.requireNonNull(value, "locale");
            return this;
        }

        public Builder name(String label) {
            this.name = label;
            return this;
        }

        /**
         * Tells {@code listener} (instance id, event) of every event the instance records, from
         * the first one of its start-up on — {@link MiniProgram#events()} is reachable only once
         * {@code launch} returned. Called on the thread that records the event, usually the
         * instance's loop: keep it short.
         */
        public Builder onEvent(BiConsumer<String, HostEvent> listener) {
            this.eventListener = listener;
            return this;
        }

        public LaunchOptions build() {
            return new LaunchOptions(this);
        }
    }
}
