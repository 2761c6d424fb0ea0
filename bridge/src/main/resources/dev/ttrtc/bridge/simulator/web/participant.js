// The browser as a room member: the room server's protocol (version 1) over /signal and the same
// mesh negotiation as the Java participants (dev.ttrtc.bridge.media.MediaSession): the subscriber
// asks with "subscribe", the publisher offers on a send-only connection (audio mid 0, camera
// mid 1, screen mid 2), the subscriber answers on a receive-only one. Speaking is decided from
// the microphone's real level with the Java detector's rule: above -45 dBov for 30 ms starts a
// turn, below for 400 ms ends it.
'use strict';

class BrowserParticipant {
  constructor({ signalUrl, appId, roomId, userId, token, onStatus, onRemoteTrack, onRemoteGone, onEnded, onScreenEnded }) {
    Object.assign(this, { signalUrl, appId, roomId, userId, token, onStatus, onRemoteTrack, onRemoteGone, onEnded, onScreenEnded });
    this.sid = Math.random().toString(16).slice(2) + Date.now().toString(16);
    this.nextId = 1;
    this.pending = new Map();
    this.sendLinks = new Map();     // subscriber userId -> { pc, theirSid, busy, dirty, candidates, remoteSet }
    this.receiveLinks = new Map();  // publisher userId -> { pc, theirSid, candidates, remoteSet }
    this.wantedBy = new Map();      // subscriber -> {audio, video, screen}
    this.subscriberSids = new Map();
    this.state = { audioCapture: true, videoCapture: true, audioPublished: false, videoPublished: false, screenPublished: false };
    this.speaking = false;
  }

  status(text) { if (this.onStatus) this.onStatus(text); }

  async join() {
    this.status('opening camera and microphone…');
    this.camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240, frameRate: 15 } });
    this.audioTrack = this.camera.getAudioTracks()[0];
    this.videoTrack = this.camera.getVideoTracks()[0];
    this.status('connecting to the room server…');
    this.ws = new WebSocket(this.signalUrl);
    await new Promise((resolve, reject) => {
      this.ws.onopen = resolve;
      this.ws.onerror = () => reject(new Error('cannot reach the room server at ' + this.signalUrl));
    });
    this.ws.onmessage = (e) => this.onMessage(JSON.parse(e.data));
    this.ws.onclose = () => this.end('disconnected from the room server');
    this.pinger = setInterval(() => this.send({ type: 'ping' }), 500);
    const joined = await this.request({ type: 'join', appId: this.appId, roomId: this.roomId, userId: this.userId,
      token: this.token, visible: true, state: this.wire(), resume: null });
    for (const member of joined.members) {
      if (member.userId !== this.userId) this.subscribe(member.userId, false);
    }
    this.state.audioPublished = true;
    this.state.videoPublished = true;
    await this.request({ type: 'update', state: this.wire() });
    this.publishChanged();
    this.startSpeechDetector();
    this.status('joined ' + this.roomId + ' as ' + this.userId);
  }

  wire() { return Object.assign({}, this.state); }

  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(Object.assign({ v: 1 }, message)));
  }

  request(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject(new Error('not connected to the room server'));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.send(Object.assign({ id }, message));
    });
  }

  relay(to, data) { this.send({ type: 'signal', to, data }); }

  onMessage(m) {
    if (m.type === 'joined' || m.type === 'ack' || (m.type === 'error' && m.id)) {
      const waiting = this.pending.get(m.id);
      if (waiting) {
        this.pending.delete(m.id);
        if (m.type === 'error') waiting.reject(new Error(m.message)); else waiting.resolve(m);
      }
      return;
    }
    switch (m.type) {
      case 'member-joined': this.subscribe(m.member.userId, false); break;
      case 'member-left': this.closeLinks(m.userId); break;
      case 'signal': this.onSignal(m.from, m.data).catch((e) => console.warn('media with', m.from, e)); break;
      case 'kicked': this.end('kicked: ' + m.message); break;
      case 'shutdown': this.status('the room server shut down'); break;
      default: break;
    }
  }

  // ---- subscriber side ----------------------------------------------------------------------

  subscribe(userId, restart) {
    this.relay(userId, { media: 'subscribe', sid: this.sid, audio: true, video: true, screen: true, restart: !!restart });
  }

  async onSignal(from, data) {
    const forUs = data.to === this.sid;
    if (data.media === 'subscribe') return this.onSubscribe(from, data);
    if (data.media === 'offer' && forUs) return this.onOffer(from, data);
    if (data.media === 'answer' && forUs) return this.onAnswer(from, data);
    if (data.media === 'candidate' && forUs) return this.onCandidate(from, data);
    if (data.media === 'bye') this.closeLinks(from);
  }

  async onOffer(from, data) {
    let link = this.receiveLinks.get(from);
    if (link && link.theirSid !== data.sid) { link.pc.close(); link = null; }
    if (!link) {
      const pc = new RTCPeerConnection();
      link = { pc, theirSid: data.sid, candidates: [], remoteSet: false };
      this.receiveLinks.set(from, link);
      pc.onicecandidate = (e) => this.sendCandidate(from, link.theirSid, 'subscriber', e.candidate);
      // The publisher only answers; asking again with restart makes it open a fresh connection.
      pc.onconnectionstatechange = () => {
        if (pc.connectionState === 'failed' && this.receiveLinks.get(from) === link) {
          pc.close();
          this.receiveLinks.delete(from);
          this.subscribe(from, true);
        }
      };
      pc.ontrack = (e) => {
        const kind = e.transceiver.mid === '0' ? 'audio' : e.transceiver.mid === '2' ? 'screen' : 'video';
        if (this.onRemoteTrack) this.onRemoteTrack(from, kind, e.track);
      };
    }
    await link.pc.setRemoteDescription({ type: 'offer', sdp: data.sdp });
    if (!link.remoteSet) {
      link.remoteSet = true;
      for (const c of link.candidates) await link.pc.addIceCandidate(c);
      link.candidates = [];
    }
    const answer = await link.pc.createAnswer();
    await link.pc.setLocalDescription(answer);
    this.relay(from, { media: 'answer', sid: this.sid, to: data.sid, sdp: answer.sdp });
  }

  // ---- publisher side -----------------------------------------------------------------------

  sendable(subscriber) {
    const wanted = this.wantedBy.get(subscriber) || {};
    return {
      audio: this.state.audioPublished && !!wanted.audio,
      video: this.state.videoPublished && !!wanted.video,
      screen: this.state.screenPublished && !!wanted.screen
    };
  }

  async onSubscribe(from, data) {
    this.wantedBy.set(from, { audio: data.audio, video: data.video, screen: data.screen });
    this.subscriberSids.set(from, data.sid);
    let link = this.sendLinks.get(from);
    if (link && (link.theirSid !== data.sid || data.restart)) { link.pc.close(); this.sendLinks.delete(from); link = null; }
    if (link) return this.negotiate(from, link);
    return this.openSendLink(from);
  }

  async openSendLink(subscriber) {
    const kinds = this.sendable(subscriber);
    if (!kinds.audio && !kinds.video && !kinds.screen) return;
    const pc = new RTCPeerConnection();
    const link = { pc, theirSid: this.subscriberSids.get(subscriber), busy: false, dirty: false, candidates: [], remoteSet: false };
    this.sendLinks.set(subscriber, link);
    pc.onicecandidate = (e) => this.sendCandidate(subscriber, link.theirSid, 'publisher', e.candidate);
    link.audio = pc.addTransceiver(this.audioTrack, { direction: 'inactive', streams: [this.camera] });
    link.video = pc.addTransceiver(this.videoTrack, { direction: 'inactive', streams: [this.camera] });
    link.screen = pc.addTransceiver(this.screenTrack || 'video', { direction: 'inactive' });
    await this.negotiate(subscriber, link);
  }

  /** One offer at a time per link: busy from the first await until the answer is applied. */
  async negotiate(subscriber, link) {
    if (link.busy) { link.dirty = true; return; }
    link.busy = true;
    link.dirty = false;
    try {
      const kinds = this.sendable(subscriber);
      link.audio.direction = kinds.audio ? 'sendonly' : 'inactive';
      link.video.direction = kinds.video ? 'sendonly' : 'inactive';
      const screen = kinds.screen ? this.screenTrack : null;
      if (link.screen.sender.track !== screen) await link.screen.sender.replaceTrack(screen);
      link.screen.direction = kinds.screen ? 'sendonly' : 'inactive';
      const offer = await link.pc.createOffer();
      await link.pc.setLocalDescription(offer);
      this.relay(subscriber, { media: 'offer', sid: this.sid, to: link.theirSid, sdp: offer.sdp });
    } catch (e) {
      link.busy = false;
      throw e;
    }
  }

  async onAnswer(from, data) {
    const link = this.sendLinks.get(from);
    if (!link || link.theirSid !== data.sid || !link.busy) return;
    await link.pc.setRemoteDescription({ type: 'answer', sdp: data.sdp });
    link.busy = false;
    if (!link.remoteSet) {
      link.remoteSet = true;
      for (const c of link.candidates) await link.pc.addIceCandidate(c);
      link.candidates = [];
    }
    if (link.dirty) await this.negotiate(from, link);
  }

  /** The publish flags changed: renegotiate every send link, open missing ones. */
  publishChanged() {
    for (const subscriber of this.wantedBy.keys()) {
      const link = this.sendLinks.get(subscriber);
      (link ? this.negotiate(subscriber, link) : this.openSendLink(subscriber)).catch((e) => console.warn(e));
    }
  }

  async shareScreen() {
    const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
    this.screenTrack = display.getVideoTracks()[0];
    // The browser's own "Stop sharing" ends the track: unpublish the screen then.
    this.screenTrack.onended = () => this.stopScreen().catch((e) => console.warn('stopping the screen share', e));
    this.state.screenPublished = true;
    await this.request({ type: 'update', state: this.wire() });
    this.publishChanged();
  }

  async stopScreen() {
    if (!this.state.screenPublished) return;
    this.state.screenPublished = false;
    if (this.screenTrack) this.screenTrack.stop();
    this.screenTrack = null;
    this.publishChanged();
    await this.request({ type: 'update', state: this.wire() });
    if (this.onScreenEnded) this.onScreenEnded();
  }

  // ---- candidates ---------------------------------------------------------------------------

  /** Only UDP candidates on 127.0.0.1: media stays on this machine's loopback. */
  sendCandidate(to, theirSid, leg, candidate) {
    if (!candidate || !candidate.candidate) return;
    const fields = candidate.candidate.split(' ');
    if (fields[2] !== 'udp' || fields[4] !== '127.0.0.1') return;
    this.relay(to, { media: 'candidate', sid: this.sid, to: theirSid, leg, mid: candidate.sdpMid,
      index: candidate.sdpMLineIndex, candidate: candidate.candidate });
  }

  async onCandidate(from, data) {
    const link = data.leg === 'publisher' ? this.receiveLinks.get(from) : this.sendLinks.get(from);
    if (!link || link.theirSid !== data.sid) return;
    const candidate = { sdpMid: data.mid, sdpMLineIndex: data.index, candidate: data.candidate };
    if (link.remoteSet) await link.pc.addIceCandidate(candidate); else link.candidates.push(candidate);
  }

  closeLinks(userId) {
    for (const links of [this.sendLinks, this.receiveLinks]) {
      const link = links.get(userId);
      if (link) { link.pc.close(); links.delete(userId); }
    }
    this.wantedBy.delete(userId);
    if (this.onRemoteGone) this.onRemoteGone(userId);
  }

  // ---- speaking -----------------------------------------------------------------------------

  startSpeechDetector() {
    const context = new AudioContext();
    this.audioContext = context;
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([this.audioTrack])).connect(analyser);
    context.resume();
    const samples = new Float32Array(analyser.fftSize);
    let loud = 0;
    let quiet = 0;
    this.detector = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      const dbov = rms > 0 ? 20 * Math.log10(rms) : -127;
      if (dbov > -45) { loud++; quiet = 0; } else { quiet++; loud = 0; }
      if (!this.speaking && loud >= 3) this.setSpeaking(true);
      else if (this.speaking && quiet >= 40) this.setSpeaking(false);
    }, 10);
  }

  setSpeaking(on) {
    this.speaking = on;
    this.send({ type: 'speaking', speaking: on });
  }

  // ---- leaving ------------------------------------------------------------------------------

  async leave() {
    for (const userId of new Set([...this.sendLinks.keys(), ...this.receiveLinks.keys()])) {
      this.relay(userId, { media: 'bye', sid: this.sid });
    }
    const answered = this.request({ type: 'leave' }).catch(() => { /* leaving anyway */ });
    await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.end('left');
  }

  /** The membership is over (left, kicked, disconnected): release everything and say why. */
  end(reason) {
    if (this.ended) return;
    this.ended = true;
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
    this.stop();
    this.status(reason);
    if (this.onEnded) this.onEnded(reason);
  }

  stop() {
    clearInterval(this.pinger);
    clearInterval(this.detector);
    if (this.audioContext) this.audioContext.close();
    for (const userId of new Set([...this.sendLinks.keys(), ...this.receiveLinks.keys()])) this.closeLinks(userId);
    for (const track of [this.audioTrack, this.videoTrack, this.screenTrack]) if (track) track.stop();
    if (this.ws) {
      this.ws.onclose = null;
      this.ws.close();
    }
  }
}
