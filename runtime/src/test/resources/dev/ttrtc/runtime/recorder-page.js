// A page that records the way voice-message pages do, logging each event and keeping the frames.
function summary(buffer) {
  // The WAV header's fields, or only the length for raw PCM; and the loudest sample.
  const view = new DataView(buffer);
  const text = (at) => String.fromCharCode(...new Uint8Array(buffer, at, 4));
  const out = { length: buffer.byteLength };
  let data = 0;
  if (buffer.byteLength >= 44 && text(0) === 'RIFF') {
    Object.assign(out, {
      riff: text(0), riffSize: view.getUint32(4, true), wave: text(8), fmt: text(12), pcm: view.getUint16(20, true),
      channels: view.getUint16(22, true), sampleRate: view.getUint32(24, true), byteRate: view.getUint32(28, true),
      blockAlign: view.getUint16(32, true), bits: view.getUint16(34, true), data: text(36),
      dataBytes: view.getUint32(40, true)
    });
    data = 44;
  }
  const samples = new Int16Array(buffer.slice(data));
  out.peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
  return out;
}

Page({
  onLoad() {
    const r = this.rec = tt.getRecorderManager();
    this.frames = [];
    ['Start', 'Pause', 'Resume'].forEach((e) => r['on' + e](() => console.log(e)));
    r.onStop((res) => {
      this.stopped = res.tempFilePath;
      console.log('Stop ' + res.tempFilePath.replace(/[0-9a-f]{32}/, '<name>'));
    });
    r.onError((res) => console.log('Error ' + JSON.stringify(res)));
    r.onFrameRecorded((res) => this.frames.push({
      buffer: res.frameBuffer instanceof ArrayBuffer, bytes: res.frameBuffer.byteLength, last: res.isLastFrame,
      peak: summary(res.frameBuffer).peak
    }));
  },
  readRecording() {
    return new Promise((resolve, reject) => tt.getFileSystemManager().readFile({
      filePath: this.stopped,
      success: (res) => resolve(summary(res.data)),
      fail: (res) => reject(new Error(res.errMsg))
    }));
  }
});
