package dev.ttrtc.runtime.internal.apis.media;

import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tt.createInnerAudioContext()}: InnerAudioContext objects whose playback follows real
 * time without a sound card ({@link AudioClip}). Sources are project files whose duration the JDK
 * can read (WAV/PCM, AIFF, AU, see {@link AudioSource}); others fail through onError with the
 * platform's codes. Closing the instance destroys every context.
 */
public final class InnerAudioApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(ApiEntry.sync("createInnerAudioContext").hostRule(
            "nothing is heard: playback follows real time (onPlay, onTimeUpdate every 250 ms, onEnded after the real "
                    + "duration); project WAV/AIFF/AU files only, others fail through onError with 10003 (file) or 10004 (format)"));

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        List<AudioClip> clips = new ArrayList<>();
        instance.onClose(() -> clips.forEach(AudioClip::destroy));
        tt.sync("createInnerAudioContext", args -> {
            AudioClip clip = new AudioClip(instance);
            clips.add(clip);
            return build(instance, clip);
        });
    }

    private static Object build(InstanceContext instance, AudioClip clip) {
        JsObjectBuilder b = instance.newObject("InnerAudioContext");
        b.property("src", args -> clip.src, args -> {
            clip.setSrc(text(args, "src"));
            return null;
        });
        b.property("autoplay", args -> clip.autoplay, args -> {
            clip.autoplay = flag(args, "autoplay");
            return null;
        });
        b.property("loop", args -> clip.loop, args -> {
            clip.loop = flag(args, "loop");
            return null;
        });
        b.property("obeyMuteSwitch", args -> clip.obeyMuteSwitch, args -> {
            clip.obeyMuteSwitch = flag(args, "obeyMuteSwitch");
            return null;
        });
        b.property("volume", args -> clip.volume, args -> {
            double volume = number(args, "volume");
            if (volume < 0 || volume > 1) {
                throw ApiException.parameter("expect volume to be between 0 and 1, but got " + args.describe(0));
            }
            clip.volume = volume;
            return null;
        });
        b.property("startTime", args -> clip.startTime, args -> {
            clip.startTime = Math.max(0, number(args, "startTime"));
            return null;
        });
        b.property("duration", args -> clip.duration(), null);
        b.property("currentTime", args -> clip.currentTime(), null);
        b.property("paused", args -> clip.paused(), null);
        b.property("buffered", args -> clip.buffered(), null);
        b.sync("play", args -> {
            clip.play();
            return null;
        });
        b.sync("pause", args -> {
            clip.pause();
            return null;
        });
        b.sync("stop", args -> {
            clip.stop();
            return null;
        });
        b.sync("seek", args -> {
            clip.seek(number(args, "position"));
            return null;
        });
        b.sync("destroy", args -> {
            clip.destroy();
            return null;
        });
        for (String event : AudioClip.EVENTS) {
            b.event("on" + event, "off" + event, clip.channel(event));
        }
        return b.build();
    }

    private static String text(ApiArgs args, String name) throws ApiException {
        return args.string(0).orElseThrow(() -> ApiException.parameter(
                "expect " + name + " to be string, but got " + args.typeOf(0)));
    }

    private static boolean flag(ApiArgs args, String name) throws ApiException {
        if (!"boolean".equals(args.typeOf(0))) {
            throw ApiException.parameter("expect " + name + " to be boolean, but got " + args.typeOf(0));
        }
        return args.json(0).asBoolean();
    }

    private static double number(ApiArgs args, String name) throws ApiException {
        return args.number(0).orElseThrow(() -> ApiException.parameter(
                "expect " + name + " to be number, but got " + args.typeOf(0)));
    }
}
