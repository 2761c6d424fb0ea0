package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Adds {@code tt.createRtcRoomContext} and the mini-game {@code tt.getRtcEngine}. Each context or
 * engine object owns one {@link RtcEngine}; host rule: creating a room context destroys the
 * instance's earlier ones (the platform keeps one RTC engine per mini-program), and closing the
 * instance destroys them all.
 */
public final class RtcModule implements TtApiModule {
    static final List<ApiEntry> APIS = List.of(
            ApiEntry.sync("createRtcRoomContext").note("RtcRoomContext over the host's room server (see the README)"),
            ApiEntry.sync("getRtcEngine").note("the mini-game RtcEngine"));

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        Optional<RtcSettings> settings = instance.extension(RtcSettings.class);
        AtomicInteger engines = new AtomicInteger();
        MiniProgramRtc rtc = new MiniProgramRtc();
        instance.attach(MiniProgramRtc.class, rtc);
        List<RtcRoomContextFace> contexts = new ArrayList<>();
        List<RtcEngineFace> gameEngines = new ArrayList<>();
        instance.onClose(() -> {
            contexts.forEach(RtcRoomContextFace::destroy);
            gameEngines.forEach(RtcEngineFace::destroy);
        });

        tt.sync("createRtcRoomContext", args -> {
            AppId appId = appId(args, "createRtcRoomContext").orElseThrow(
                    () -> RtcPayloads.fail(RtcError.APP_ID_TYPE, describeAppIdArgument(args)));
            contexts.forEach(RtcRoomContextFace::destroy);
            contexts.clear();
            RtcRoomContextFace face = new RtcRoomContextFace(instance, rtc,
                    RtcEngine.create(engineConfig(settings, appId, instance.instanceId() + "-rtc" + engines.incrementAndGet())));
            contexts.add(face);
            return face.build();
        });

        tt.sync("getRtcEngine", args -> {
            AppId appId = appId(args, "getRtcEngine")
                    .or(() -> settings.map(RtcSettings::defaultAppId)).orElse(null);
            if (appId == null) {
                throw RtcPayloads.fail(RtcError.NO_APP_ID, args.typeOf(0));
            }
            gameEngines.removeIf(RtcEngineFace::isDestroyed);
            RtcEngineFace face = new RtcEngineFace(instance, rtc,
                    RtcEngine.create(engineConfig(settings, appId, instance.instanceId() + "-game" + engines.incrementAndGet())));
            gameEngines.add(face);
            return face.build();
        });
    }

    /** The appId from {@code f(appId)} or {@code f({appId})}; empty when absent; an error when malformed. */
    private static Optional<AppId> appId(ApiArgs args, String api) throws ApiException {
        Optional<String> appId;
        if (args.string(0).isPresent()) {
            appId = args.string(0);
        } else if (args.params(0).isPresent()) {
            ApiParams p = args.params(0).get();
            appId = p.has("appId") ? Optional.of(p.string("appId")) : Optional.empty();
        } else if ("undefined".equals(args.typeOf(0))) {
            appId = Optional.empty();
        } else {
            throw RtcPayloads.fail(RtcError.APP_ID_TYPE, args.typeOf(0));
        }
        // An appId with a lone surrogate could never be sent to the room server (UTF-8 JSON).
        if (appId.isPresent() && (!Ids.isValidAppId(appId.get()) || !WireText.isWellFormed(appId.get()))) {
            throw RtcPayloads.fail(RtcError.APP_ID_FORMAT, appId.get());
        }
        return appId.map(AppId::of);
    }

    private static String describeAppIdArgument(ApiArgs args) {
        return args.params(0).isPresent() ? "undefined" : args.typeOf(0);
    }

    private static EngineConfig engineConfig(Optional<RtcSettings> settings, AppId appId, String name) {
        return settings.map(s -> EngineConfig.of(s.server(), appId, name).withReconnect(s.reconnect()).withMedia(s.media()))
                .orElseGet(() -> EngineConfig.withoutServer(appId, name));
    }
}
