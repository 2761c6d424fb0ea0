// The RTC APIs of Douyin mini-programs, as tt-rtc-host implements them, for TypeScript projects.
//
// The official typings (@douyin-microapp/typings) declare only part of the room context, under a
// private name, and never attach createRtcRoomContext to `tt`; they know nothing of the
// mini-game engine. This file augments them: `tt.createRtcRoomContext` and `tt.getRtcEngine`
// with every method and event the host implements, and the types under the global namespace
// `TtRtc` (TtRtc.RtcRoomContext, TtRtc.RtcEngine, the payloads). Compile with
// "lib": ["es2020"], "types": [] (the official typings declare their own console and timers).
// See docs/typings.md.
//
// Payloads and errors are those of ../shared/spec/tt-rtc-api.md and mini-game-engine.md and the
// host rules in the README; async methods answer through success/fail/complete only (they
// return nothing, as on the platform).

import "@douyin-microapp/typings";

declare global {
  namespace TtRtc {
    /** What every success callback receives: errMsg is "<method>:ok". */
    interface Ok {
      errMsg: string;
    }

    /** What every fail callback receives: errMsg is "<method>:fail <detail>". */
    interface Fail {
      errMsg: string;
      /** 20000 parameter error, 10200 auth deny, 21100–21102 join failures, 115910 engine destroyed, 2113x host codes, … */
      errNo: number;
    }

    /** The callbacks every async method takes; complete runs after either. */
    interface Callbacks<S = Ok, F = Fail> {
      success?(res: S): void;
      fail?(res: F): void;
      complete?(res: S | F): void;
    }

    type StreamType = "audio" | "video" | "both";

    /** A list event's payload: the whole current list, in join order. */
    interface MembersChanged {
      userIdList: string[];
      errCode: 0;
      /** "<event>:ok" */
      errMsg: string;
    }

    /** onRtcStateChanged / onRtcStateChange: 21108 token expired, 21105/21106 no camera/microphone permission, 21134/21135 reconnecting/reconnected, … */
    interface StateChanged {
      errNo: number;
      errMsg: string;
      /** The room concerned ({} outside a room). */
      data: { roomId?: string };
    }

    /** onRtcChatInterrupted: 21132 kicked by a duplicate login, 21108 token expired, 21133 server unreachable for good. */
    interface Interrupted {
      errNo: number;
      errMsg: string;
    }

    /** onXxx: registers a listener (it keeps its page as `this` when it is a page method). */
    type Listen<P> = (callback: (res: P) => void) => void;
    /** offXxx: removes that listener, or every listener of the event when called without one. */
    type Unlisten<P> = (callback?: (res: P) => void) => void;

    /** What tt.createRtcRoomContext returns: one local user in at most one room at a time. */
    interface RtcRoomContext {
      /** Joins a room (roomId and userId: 1–128 of A–Z a–z 0–9 _ @ - .). */
      joinRtcRoom(options: {
        roomId: string;
        userId: string;
        token: string;
        roomConfig?: { autoPublish?: boolean; autoSubscribe?: boolean };
      } & Callbacks): void;
      exitRtcRoom(options: { roomId: string } & Callbacks): void;
      /** Microphone capture on (1) or off (0); allowed before joining. */
      changeAudioCapture(options: { state: 0 | 1 } & Callbacks): void;
      /** Camera capture on (1) or off (0); allowed before joining (local preview). */
      changeVideoCapture(options: { state: 0 | 1 } & Callbacks): void;
      /** Publish (1) or unpublish (0); made before joining, it applies when the join completes. */
      changeStreamPublishState(options: { state: 0 | 1; streamType: StreamType } & Callbacks): void;
      changeStreamSubscribeState(options: { state: 0 | 1; userId: string; streamType: StreamType } & Callbacks): void;
      changeScreenSubscribeState(options: { state?: 0 | 1; userId: string; streamType?: StreamType } & Callbacks): void;
      switchCamera(options: { camera: "front" | "back" } & Callbacks): void;
      /** false: others are not told of this user, and it may not publish. */
      changeUserVisibility(options: { visible: boolean } & Callbacks): void;
      updateToken(options: { token: string } & Callbacks): void;
      setAudioPlaybackDevice(options: { device: "speakerphone" | "earpiece" } & Callbacks): void;
      /** width and height 16–1920, frameRate 1–60. */
      setVideoEncoderConfig(options: { maxSolution: { width: number; height: number; frameRate: number } } & Callbacks): void;

      /** Visible members, the local user included. */
      onRtcChatMembersChanged: Listen<MembersChanged>;
      offRtcChatMembersChanged: Unlisten<MembersChanged>;
      /** Members publishing video. */
      onRtcVideoMembersChanged: Listen<MembersChanged>;
      offRtcVideoMembersChanged: Unlisten<MembersChanged>;
      /** Members speaking now. */
      onRtcChatSpeakersChanged: Listen<MembersChanged>;
      offRtcChatSpeakersChanged: Unlisten<MembersChanged>;
      /** Members sharing a screen (only users of other platforms can). */
      onRtcPublishScreenMembersChanged: Listen<MembersChanged>;
      offRtcPublishScreenMembersChanged: Unlisten<MembersChanged>;
      /** Passive disconnect: the user is out of the room. */
      onRtcChatInterrupted: Listen<Interrupted>;
      offRtcChatInterrupted: Unlisten<Interrupted>;
      /** The spelling of the official demos and documentation. */
      onRtcStateChanged: Listen<StateChanged>;
      offRtcStateChanged: Unlisten<StateChanged>;
      /** The spelling of @douyin-microapp/typings: the same event as onRtcStateChanged. */
      onRtcStateChange: Listen<StateChanged>;
      offRtcStateChange: Unlisten<StateChanged>;
      /** 30 s before the token expires (no payload): call updateToken. */
      onRoomTokenWillExpire: (callback: () => void) => void;
      offRoomTokenWillExpire: (callback?: () => void) => void;
    }

    /** What the mini-game engine's fail callbacks receive: errCode 101 instance released, 102 call failed, 103 bad parameter. */
    interface GameFail extends Fail {
      errCode: number;
    }

    type GameCallbacks = Callbacks<Ok, GameFail>;

    /** The mini-game engine's events, by the name on(name, cb) takes; onXxx(cb) is the same with the name capitalised. */
    interface RtcEngineEvents {
      joinChannelSuccess: { channelId: string; uid: string; elapsed: number };
      rejoinChannelSuccess: { channelId: string; uid: string; elapsed: number };
      connectionLost: {};
      connectionInterrupted: {};
      userJoined: { uid: string; elapsed: number };
      /** reason 0 left (or went invisible), 1 dropped (or kicked). */
      userOffline: { uid: string; reason: 0 | 1 };
      userMuteAudio: { uid: string; muted: boolean };
      userEnableLocalAudio: { uid: string; enabled: boolean };
      firstRemoteAudioFrame: { uid: string; elapsed: number };
      /** volume 0–255. */
      audioVolumeIndication: { speakers: { uid: string; volume: number }[]; totalVolume: number };
      /** 1 good … 6 down, 0 unknown. */
      networkQuality: { uid: string; txQuality: number; rxQuality: number };
      warning: { code: number; message: string };
      error: { code: number; message: string };
    }

    type RtcEngineEventMethods = {
      [K in keyof RtcEngineEvents as `on${Capitalize<K>}`]: Listen<RtcEngineEvents[K]>;
    } & {
      [K in keyof RtcEngineEvents as `off${Capitalize<K>}`]: Unlisten<RtcEngineEvents[K]>;
    };

    /** What tt.getRtcEngine returns: a new engine on every call; destroy() the old one first. */
    interface RtcEngine extends RtcEngineEventMethods {
      /** channelId and uid follow the roomId rules. */
      joinChannel(options: { channelId: string; uid: string; token: string } & GameCallbacks): void;
      leaveChannel(options?: GameCallbacks): void;
      /** Microphone capture and sending on. */
      enableLocalAudio(options?: GameCallbacks): void;
      disableLocalAudio(options?: GameCallbacks): void;
      /** Stops sending without releasing the microphone. */
      muteLocalAudioStream(options?: GameCallbacks): void;
      unmuteLocalAudioStream(options?: GameCallbacks): void;
      /** On this device only. */
      muteRemoteAudioStream(options: { uid: string } & GameCallbacks): void;
      unmuteRemoteAudioStream(options: { uid: string } & GameCallbacks): void;
      /** Also applies to members who join later. */
      muteAllRemoteAudioStream(options?: GameCallbacks): void;
      unmuteAllRemoteAudioStream(options?: GameCallbacks): void;
      /** audioVolumeIndication every interval ms (default 200; 0 stops it). */
      enableAudioVolumeIndication(options?: { interval?: number } & GameCallbacks): void;
      getLocalAudioStatus(): { enabled: boolean; muted: boolean; inChannel: boolean };
      /** 0–200, 100 = unchanged. */
      adjustPlaybackSignalVolume(volume: number): void;
      /** 0–200, 100 = unchanged. */
      adjustRecordingSignalVolume(volume: number): void;
      isSupported(): boolean;
      /** Releases everything; later calls fail with errCode 101. */
      destroy(): void;
      on<K extends keyof RtcEngineEvents>(event: K, callback: (res: RtcEngineEvents[K]) => void): void;
      off<K extends keyof RtcEngineEvents>(event: K, callback?: (res: RtcEngineEvents[K]) => void): void;
    }
  }
}

declare module "@douyin-microapp/typings/types/api" {
  /**
   * The room context of an app (base library 2.42.0): creating one destroys the instance's
   * earlier contexts. The appId is the 24-character id the room tokens are issued for.
   */
  export function createRtcRoomContext(options: { appId: string }): TtRtc.RtcRoomContext;
  /** The form of @douyin-microapp/typings and older code. */
  export function createRtcRoomContext(appId: string): TtRtc.RtcRoomContext;
  /** The mini-game RTC engine (the host's default appId when absent). */
  export function getRtcEngine(appId?: string): TtRtc.RtcEngine;
}
