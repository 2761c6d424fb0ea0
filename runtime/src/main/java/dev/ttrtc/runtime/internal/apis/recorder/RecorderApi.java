package dev.ttrtc.runtime.internal.apis.recorder;

import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * {@code tt.getRecorderManager()}: the instance's one RecorderManager, recording the instance's
 * microphone ({@link Microphones}: the RTC capture source when the bridge is present, silence
 * otherwise) into {@code ttfile://temp/…} as WAV or raw PCM ({@link Recorder}). Every problem,
 * wrong parameters included, reaches JS through onError, as {@code start} is synchronous and
 * takes no callbacks.
 */
public final class RecorderApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(ApiEntry.sync("getRecorderManager").hostRule(
            "records the instance's microphone source (the RTC capture's, silence without the bridge) in real time; "
                    + "format wav or pcm only (aac, the default, and mp3 fail through onError); a second start while "
                    + "recording fails through onError and the recording goes on"));

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        JsObject[] manager = new JsObject[1];
        tt.sync("getRecorderManager", args -> {
            if (manager[0] == null) {
                manager[0] = build(instance, new Recorder(instance));
            }
            return manager[0];
        });
    }

    private static JsObject build(InstanceContext instance, Recorder recorder) {
        JsObjectBuilder b = instance.newObject("RecorderManager");
        b.sync("start", args -> {
            recorder.start(args);
            return null;
        });
        b.sync("pause", args -> {
            recorder.pause();
            return null;
        });
        b.sync("resume", args -> {
            recorder.resume();
            return null;
        });
        b.sync("stop", args -> {
            recorder.stop();
            return null;
        });
        for (String event : Recorder.EVENTS) {
            b.sync("on" + event, args -> {
                recorder.channel(event).addFrom(args, 0);
                return null;
            });
        }
        return b.build();
    }
}
