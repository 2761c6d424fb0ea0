// Real audio and video as the mini-program sees them: speakers decided from audio, what is
// received after subscribing and unsubscribing, screen shares.
const { launch, call, join, lists, waitForList } = require('./lib/rtc');

test('a talk pattern produces the matching sequence of speaker lists', { timeout: 60000 }, async (t) => {
  const app = await launch(t, { launch: { microphone: 'silence' } });
  await join(t, app, 'r1', 'alice');
  const bob = t.remote('bob', { roomId: 'r1', microphone: 'silence' });
  await bob.join();
  bob.talk({ speaking: 1500, pause: 1500 });
  const speakers = await t.waitUntil(async () => {
    const seen = await lists(app, 'onRtcChatSpeakersChanged');
    return seen.length >= 5 && seen;
  }, { timeout: 20000 });
  t.deepEqual(speakers.slice(0, 5), [[], ['bob'], [], ['bob'], []]);
});

test('the local user is a speaker while its microphone sends speech', async (t) => {
  const app = await launch(t, { launch: { microphone: 'speech' } });
  await call(app, 'changeAudioCapture', { state: 1 });
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcChatSpeakersChanged', ['alice']);
  await call(app, 'changeAudioCapture', { state: 0 });
  await waitForList(app, 'onRtcChatSpeakersChanged', []);
  t.ok(app.localMedia().audioFramesPushed > 0);
});

test('subscribed audio and video reach the mini-program; unsubscribing stops them', { timeout: 60000 }, async (t) => {
  const bob = t.remote('bob', { roomId: 'r1', microphone: { tone: 440 } });
  const clock = t.remote('clock', { roomId: 'r1', microphone: { tone: 660 } });
  await bob.join();
  await clock.join();
  await bob.publish('both');
  await clock.publish('audio');
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  const until = (userId, check) => t.waitUntil(async () => {
    const stats = await app.media(userId);
    return stats && check(stats) && stats;
  });
  const first = await until('bob', (s) => s.audio.packetsReceived > 20 && s.camera.framesDecoded > 3);
  t.deepEqual([first.camera.width, first.camera.height], [320, 240]);
  t.ok(first.audio.levelDbov > -30, 'bob\'s tone is heard at ' + first.audio.levelDbov + ' dBov');
  t.equal((await call(app, 'changeStreamSubscribeState', { state: 0, userId: 'bob', streamType: 'both' })).res.errMsg,
    'changeStreamSubscribeState:ok');
  const stopped = await until('bob', (s) => !s.audio.receiving && !s.camera.receiving);
  const clockAt = (await until('clock', () => true)).audio.packetsReceived;
  await until('clock', (s) => s.audio.packetsReceived > clockAt + 100);
  const later = await until('bob', () => true);
  t.equal(later.audio.packetsReceived, stopped.audio.packetsReceived, 'no audio after unsubscribing');
  t.equal(later.camera.framesDecoded, stopped.camera.framesDecoded, 'no video after unsubscribing');
  await call(app, 'changeStreamSubscribeState', { state: 1, userId: 'bob', streamType: 'audio' });
  await until('bob', (s) => s.audio.packetsReceived > later.audio.packetsReceived + 20 && !s.camera.receiving);
});

test('without autoSubscribe nothing is received until changeStreamSubscribeState', async (t) => {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await bob.publish('audio');
  const app = await launch(t);
  await join(t, app, 'r1', 'alice', { roomConfig: { autoSubscribe: false } });
  const before = await app.media('bob');
  t.equal(before === null ? 0 : before.audio.packetsReceived, 0);
  await call(app, 'changeStreamSubscribeState', { state: 1, userId: 'bob', streamType: 'audio' });
  await t.waitUntil(async () => {
    const stats = await app.media('bob');
    return stats && stats.audio.packetsReceived > 10;
  });
});

test('a Java participant\'s screen share is decoded by the mini-program', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await bob.publish('screen');
  await waitForList(app, 'onRtcPublishScreenMembersChanged', ['bob']);
  const stats = await t.waitUntil(async () => {
    const s = await app.media('bob');
    return s && s.screen.framesDecoded >= 3 && s;
  });
  t.deepEqual([stats.screen.width, stats.screen.height], [640, 360]);
});

test('the mini-program\'s own video reaches a Java participant at the encoder config', async (t) => {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  const app = await launch(t);
  await call(app, 'setVideoEncoderConfig', { maxSolution: { width: 480, height: 360, frameRate: 10 } });
  await call(app, 'changeVideoCapture', { state: 1 });
  await join(t, app, 'r1', 'alice');
  const stats = await t.waitUntil(async () => {
    const s = await bob.media('alice');
    return s && s.camera.framesDecoded >= 3 && s;
  });
  t.deepEqual([stats.camera.width, stats.camera.height], [480, 360]);
});
