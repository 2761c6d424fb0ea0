// One side of the Chromium reference pair: the simulator page's BrowserParticipant (participant.js,
// unchanged) joins a room of the bench's room server, and this file measures it. Driven by
// dev.ttrtc.bench.reference.ChromiumPair through WebDriver's execute-script, which awaits the
// promises these functions return.
//
// Times are epoch milliseconds (performance.timeOrigin + performance.now()), so the two browsers'
// times can be subtracted from each other: both run on this machine's clock.
'use strict';

const clock = () => performance.timeOrigin + performance.now();

// Every peer connection the participant opens is stamped when it reaches "connected".
const RealPeerConnection = window.RTCPeerConnection;
const connectedAt = new WeakMap();
window.RTCPeerConnection = function BenchPeerConnection(...args) {
  const pc = new RealPeerConnection(...args);
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'connected' && !connectedAt.has(pc)) connectedAt.set(pc, clock());
  });
  return pc;
};
window.RTCPeerConnection.prototype = RealPeerConnection.prototype;

// The camera and microphone are opened before the join call (as the Java participants and the
// mini-program capture before joining); BrowserParticipant.join() then gets the open stream.
const realGetUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
let prepared = null;
navigator.mediaDevices.getUserMedia = (constraints) => (prepared ? Promise.resolve(prepared) : realGetUserMedia(constraints));

const bench = { participant: null, other: null, result: null };

/** Opens the fake camera and microphone; answers the camera's actual settings. */
window.benchPrepare = async (constraints) => {
  prepared = await realGetUserMedia(constraints);
  const s = prepared.getVideoTracks()[0].getSettings();
  return { width: s.width, height: s.height, frameRate: s.frameRate };
};

/** Plays what arrives, as the simulator page does: an audio or video element per track. */
function attach(from, kind, track) {
  const media = document.createElement(kind === 'audio' ? 'audio' : 'video');
  media.autoplay = true;
  media.playsInline = true;
  media.srcObject = new MediaStream([track]);
  document.body.append(media);
  media.play().catch(() => { /* autoplay is allowed by the command line; nothing to do */ });
}

/**
 * Joins ({signalUrl, appId, roomId, userId, token, other}) and starts watching what arrives from
 * `other`; answers the join call's time at once (the join goes on).
 */
window.benchJoin = (config) => {
  const result = { called: 0, joined: null, connected: null, firstPacket: null, firstAudio: null, firstVideo: null, error: null };
  bench.result = result;
  bench.other = config.other;
  const participant = new BrowserParticipant({
    signalUrl: config.signalUrl, appId: config.appId, roomId: config.roomId, userId: config.userId,
    token: config.token, onRemoteTrack: attach
  });
  bench.participant = participant;
  result.called = clock();
  bench.joining = participant.join().then(() => { result.joined = clock(); },
    (e) => { result.error = String((e && e.message) || e); });
  watch(result);
  return result.called;
};

/** benchJoin, answering once the participant is in the room. */
window.benchJoinAndWait = async (config) => {
  benchJoin(config);
  await bench.joining;
  return bench.result;
};

window.benchResult = () => bench.result;

/** Polls the receiving link from `other` every 10 ms until everything first arrived (or 20 s). */
async function watch(result) {
  const deadline = clock() + 20000;
  const done = () => result.connected && result.firstPacket && result.firstAudio && result.firstVideo;
  while (clock() < deadline && !done() && !result.error) {
    const link = bench.participant.receiveLinks.get(bench.other);
    if (link) {
      const at = connectedAt.get(link.pc);
      if (at && !result.connected) result.connected = at;
      const report = await link.pc.getStats();
      const now = clock();
      report.forEach((s) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.packetsReceived > 0 && !result.firstPacket) result.firstPacket = now;
        if (s.kind === 'audio' && s.packetsReceived > 0 && !result.firstAudio) result.firstAudio = now;
        if (s.kind === 'video' && s.framesDecoded > 0 && !result.firstVideo) result.firstVideo = now;
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Counters of the receiving link now: camera frames decoded, audio packets, frame size. */
window.benchCounters = async () => {
  const link = bench.participant && bench.participant.receiveLinks.get(bench.other);
  if (!link) return null;
  const report = await link.pc.getStats();
  const out = { at: clock(), frames: 0, audioPackets: 0, width: 0, height: 0 };
  report.forEach((s) => {
    if (s.type !== 'inbound-rtp') return;
    if (s.kind === 'video' && (s.mid === undefined || s.mid === '1')) {
      out.frames = s.framesDecoded || 0;
      out.width = s.frameWidth || 0;
      out.height = s.frameHeight || 0;
    }
    if (s.kind === 'audio') out.audioPackets = s.packetsReceived || 0;
  });
  return out;
};

window.benchLeave = async () => {
  if (bench.participant) await bench.participant.leave();
  bench.participant = null;
  return true;
};
