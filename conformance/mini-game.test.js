// tt.getRtcEngine, the mini-game engine.
const { APP_ID, FIXTURE } = require('./lib/rtc');

async function game(t, options = {}) {
  const app = await t.launch(FIXTURE, options.launch || {});
  await app.evaluate((appId) => {
    globalThis.engine = tt.getRtcEngine(appId);
    globalThis.seen = [];
    for (const name of ['joinChannelSuccess', 'rejoinChannelSuccess', 'connectionLost', 'connectionInterrupted', 'userJoined',
      'userOffline', 'userMuteAudio', 'userEnableLocalAudio', 'warning', 'error']) {
      engine.on(name, (res) => seen.push([name, res]));
    }
  }, options.appId === undefined ? APP_ID : options.appId);
  return app;
}

function call(app, method, params = {}) {
  return app.evaluate((m, p) => rtc.call(engine, m, p), method, params);
}

async function seen(app, name) {
  return (await app.evaluate(() => seen)).filter(([n]) => n === name).map(([, res]) => res);
}

test('getRtcEngine returns a new engine on each call; isSupported is true', async (t) => {
  const app = await t.launch(FIXTURE);
  t.deepEqual(await app.evaluate((id) => { const a = tt.getRtcEngine(id); const b = tt.getRtcEngine(id); return [a !== b, a.isSupported()]; }, APP_ID),
    [true, true]);
  t.equal(await app.evaluate(() => typeof tt.getRtcEngine().joinChannel), 'function', 'the default appId is used when absent');
});

test('joinChannel succeeds and joinChannelSuccess reports channel, uid and elapsed', async (t) => {
  const app = await game(t);
  const outcome = await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  t.deepEqual(outcome, { ok: true, res: { errMsg: 'joinChannel:ok' }, async: true, completeSame: true });
  await app.waitFor('joinChannelSuccess');
  const [success] = await seen(app, 'joinChannelSuccess');
  t.deepEqual([success.channelId, success.uid, typeof success.elapsed], ['c1', 'u1', 'number']);
});

test('bad parameters fail with errCode 103, a refused token with 102', async (t) => {
  const app = await game(t);
  t.deepEqual((await call(app, 'joinChannel', { uid: 'u1', token: 'x' })).res,
    { errMsg: 'joinChannel:fail expect params.channelId to be string, but got undefined', errNo: 103, errCode: 103 });
  t.deepEqual((await call(app, 'joinChannel', { channelId: 'c 1', uid: 'u1', token: 'x' })).res,
    { errMsg: 'joinChannel:fail expect params.channelId to be 1-128 characters of A-Z a-z 0-9 _ @ - ., but got c 1', errNo: 103, errCode: 103 });
  t.deepEqual((await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'other' }) })).res,
    { errMsg: 'joinChannel:fail invalid token', errNo: 102, errCode: 102 });
});

test('remote users joining, muting, enabling audio and going offline are reported', async (t) => {
  const app = await game(t);
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  const bob = t.remote('bob', { roomId: 'c1' });
  await bob.join();
  await bob.publish('audio');
  await app.waitFor((e) => e.name === 'userMuteAudio');
  await bob.unpublish('audio');
  await app.waitFor((e) => e.name === 'userMuteAudio' && e.payload.muted === true);
  await bob.leave();
  await app.waitFor('userOffline');
  t.deepEqual((await seen(app, 'userJoined')).map((e) => e.uid), ['bob']);
  t.deepEqual(await seen(app, 'userEnableLocalAudio'), [{ uid: 'bob', enabled: true }]);
  t.deepEqual(await seen(app, 'userMuteAudio'), [{ uid: 'bob', muted: false }, { uid: 'bob', muted: true }]);
  t.deepEqual(await seen(app, 'userOffline'), [{ uid: 'bob', reason: 0 }]);
});

test('a remote user that vanishes goes offline with reason 1', async (t) => {
  const app = await game(t);
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  const bob = t.remote('bob', { roomId: 'c1' });
  await bob.join();
  await app.waitFor('userJoined');
  await bob.dropConnection();
  await app.waitFor('userOffline');
  t.deepEqual(await seen(app, 'userOffline'), [{ uid: 'bob', reason: 1 }]);
});

test('local audio: enable publishes, mute stops sending, status tells', async (t) => {
  const app = await game(t);
  const bob = t.remote('bob', { roomId: 'c1' });
  await bob.join();
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  t.equal((await call(app, 'enableLocalAudio')).res.errMsg, 'enableLocalAudio:ok');
  await bob.waitFor((e) => e.name === 'userPublish' && e.userId === 'u1');
  // The status follows the room's answer to the publish, which reaches this engine about when
  // the others hear of it: wait for it rather than race it.
  const status = () => app.evaluate(() => engine.getLocalAudioStatus());
  t.deepEqual(await t.waitUntil(async () => { const s = await status(); return !s.muted && s; }),
    { enabled: true, muted: false, inChannel: true });
  t.equal((await call(app, 'muteLocalAudioStream')).res.errMsg, 'muteLocalAudioStream:ok');
  await bob.waitFor((e) => e.name === 'userUnpublish' && e.userId === 'u1');
  t.deepEqual(await t.waitUntil(async () => { const s = await status(); return s.muted && s; }),
    { enabled: true, muted: true, inChannel: true });
  t.equal((await call(app, 'unmuteLocalAudioStream')).res.errMsg, 'unmuteLocalAudioStream:ok');
  t.equal((await call(app, 'disableLocalAudio')).res.errMsg, 'disableLocalAudio:ok');
  await bob.waitFor((e) => e.name === 'userUnpublish' && e.userId === 'u1' && bob.events({ name: 'userUnpublish' }).length === 2);
});

test('enableLocalAudio without the microphone grant fails with 102', async (t) => {
  const app = await game(t, { launch: { authorize: { 'scope.record': false } } });
  t.deepEqual((await call(app, 'enableLocalAudio')).res,
    { errMsg: 'enableLocalAudio:fail auth deny: the user refused scope.record', errNo: 102, errCode: 102 });
});

test('remote audio can be muted per user and for everyone', async (t) => {
  const app = await game(t);
  await t.remote('bob', { roomId: 'c1' }).join();
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  for (const method of ['muteRemoteAudioStream', 'unmuteRemoteAudioStream']) {
    t.equal((await call(app, method, { uid: 'bob' })).res.errMsg, method + ':ok');
  }
  t.deepEqual((await call(app, 'muteRemoteAudioStream', { uid: 'nobody' })).res,
    { errMsg: 'muteRemoteAudioStream:fail user nobody is not in the room', errNo: 102, errCode: 102 });
  for (const method of ['muteAllRemoteAudioStream', 'unmuteAllRemoteAudioStream']) {
    t.equal((await call(app, method)).res.errMsg, method + ':ok');
  }
});

test('channel methods outside a channel fail with 102', async (t) => {
  const app = await game(t);
  for (const method of ['leaveChannel', 'muteLocalAudioStream', 'muteAllRemoteAudioStream']) {
    t.deepEqual((await call(app, method)).res, { errMsg: method + ':fail not in a channel', errNo: 102, errCode: 102 });
  }
});

test('onXxx(cb) and on("xxx", cb) both register; off removes', async (t) => {
  const app = await t.launch(FIXTURE);
  const result = await app.evaluate((token) => new Promise((resolve) => {
    const engine = tt.getRtcEngine();
    const calls = [];
    const a = () => calls.push('onJoinChannelSuccess');
    engine.onJoinChannelSuccess(a);
    engine.on('joinChannelSuccess', () => { calls.push('on'); setTimeout(() => resolve(calls), 0); });
    engine.offJoinChannelSuccess(a);
    engine.joinChannel({ channelId: 'c1', uid: 'u1', token: token });
  }), t.token({ room: 'c1', user: 'u1' }));
  t.deepEqual(result, ['on']);
  t.equal(await app.evaluate(() => { try { tt.getRtcEngine().on('nope', () => {}); return 'no error'; } catch (e) { return e.message; } }),
    'on:fail unknown event "nope"; events are joinChannelSuccess, rejoinChannelSuccess, connectionLost, connectionInterrupted, '
      + 'userJoined, userOffline, userMuteAudio, userEnableLocalAudio, firstRemoteAudioFrame, audioVolumeIndication, '
      + 'networkQuality, warning, error');
});

test('after destroy every call fails with errCode 101', async (t) => {
  const app = await game(t);
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  await app.evaluate(() => engine.destroy());
  await app.waitFor(() => t.room('c1') === null);
  t.deepEqual((await call(app, 'leaveChannel')).res, { errMsg: 'leaveChannel:fail instance released', errNo: 101, errCode: 101 });
  const thrown = await app.evaluate(() => ['getLocalAudioStatus', 'isSupported', 'onUserJoined', 'offUserJoined', 'on', 'off',
    'adjustPlaybackSignalVolume', 'destroy'].map((m) => {
    try {
      engine[m](m === 'on' || m === 'off' ? 'userJoined' : m === 'adjustPlaybackSignalVolume' ? 100 : () => {}, () => {});
      return m + ': no error';
    } catch (e) {
      return e.message;
    }
  }));
  t.deepEqual(thrown, ['getLocalAudioStatus:fail instance released', 'isSupported:fail instance released',
    'onUserJoined:fail instance released', 'offUserJoined:fail instance released', 'on:fail instance released',
    'off:fail instance released', 'adjustPlaybackSignalVolume:fail instance released', 'destroy:fail instance released']);
});

test('a server restart interrupts and rejoins the channel', async (t) => {
  const app = await game(t);
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  await t.server.restart();
  await app.waitFor('rejoinChannelSuccess');
  t.equal((await seen(app, 'connectionInterrupted')).length, 1);
  t.deepEqual((await seen(app, 'rejoinChannelSuccess')).map((e) => [e.channelId, e.uid]), [['c1', 'u1']]);
});

test('audioVolumeIndication reports each audible member, firstRemoteAudioFrame the first sound', { timeout: 60000 }, async (t) => {
  const app = await game(t);
  await app.evaluate(() => {
    engine.onAudioVolumeIndication((res) => seen.push(['audioVolumeIndication', res]));
    engine.onFirstRemoteAudioFrame((res) => seen.push(['firstRemoteAudioFrame', res]));
  });
  const bob = t.remote('bob', { roomId: 'c1', microphone: { tone: 440 } });
  await bob.join();
  await bob.publish('audio');
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  t.equal((await call(app, 'enableAudioVolumeIndication', { interval: 100 })).res.errMsg, 'enableAudioVolumeIndication:ok');
  await app.waitFor((e) => e.name === 'firstRemoteAudioFrame');
  const loud = await app.waitFor((e) => e.name === 'audioVolumeIndication'
    && e.payload.speakers.some((s) => s.uid === 'bob' && s.volume > 100));
  t.equal(loud.payload.totalVolume, Math.max(...loud.payload.speakers.map((s) => s.volume)));
  const [first] = await seen(app, 'firstRemoteAudioFrame');
  t.deepEqual([first.uid, typeof first.elapsed], ['bob', 'number']);
  await app.evaluate(() => engine.adjustPlaybackSignalVolume(0));
  await app.waitFor((e) => e.name === 'audioVolumeIndication'
    && e.payload.speakers.some((s) => s.uid === 'bob' && s.volume === 0), { since: app.lastSeq() });
  t.equal(await app.evaluate(() => { try { engine.adjustRecordingSignalVolume(300); return 'no error'; } catch (e) { return e.message; } }),
    'adjustRecordingSignalVolume:fail expect volume to be an integer from 0 to 200, but got 300');
});

test('networkQuality reports the link to a publishing member', async (t) => {
  const app = await game(t);
  await app.evaluate(() => engine.onNetworkQuality((res) => seen.push(['networkQuality', res])));
  const bob = t.remote('bob', { roomId: 'c1' });
  await bob.join();
  await bob.publish('audio');
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  const report = await app.waitFor((e) => e.name === 'networkQuality' && e.payload.rxQuality === 1);
  t.deepEqual(report.payload, { uid: 'bob', txQuality: 1, rxQuality: 1 });
});

test('a second joinChannel fails with 102; leaveChannel succeeds and a fresh join works', async (t) => {
  const app = await game(t);
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  t.deepEqual((await call(app, 'joinChannel', { channelId: 'c2', uid: 'u1', token: t.token({ room: 'c2', user: 'u1' }) })).res,
    { errMsg: 'joinChannel:fail user u1 is already in the channel c1', errNo: 102, errCode: 102 });
  t.deepEqual((await call(app, 'leaveChannel')).res, { errMsg: 'leaveChannel:ok' });
  await app.waitFor(() => t.room('c1') === null);
  t.equal((await call(app, 'joinChannel', { channelId: 'c2', uid: 'u1', token: t.token({ room: 'c2', user: 'u1' }) })).res.errMsg,
    'joinChannel:ok');
  t.deepEqual(t.room('c2').members.map((m) => m.userId), ['u1']);
});

test('off("xxx") without a function removes every listener of that event; with a non-function it throws', async (t) => {
  const app = await t.launch(FIXTURE);
  const result = await app.evaluate((token) => new Promise((resolve) => {
    const engine = tt.getRtcEngine();
    const calls = [];
    engine.on('joinChannelSuccess', () => calls.push('a'));
    engine.onJoinChannelSuccess(() => calls.push('b'));
    engine.off('joinChannelSuccess');
    let thrown = null;
    try { engine.off('joinChannelSuccess', 'not a function'); } catch (e) { thrown = e.message; }
    // Listeners run in registration order: when this one runs, removed ones would have run before it.
    engine.onJoinChannelSuccess(() => resolve({ calls, thrown }));
    engine.joinChannel({ channelId: 'c1', uid: 'u1', token: token });
  }), t.token({ room: 'c1', user: 'u1' }));
  t.deepEqual(result, { calls: [], thrown: 'off:fail expect callback to be function, but got string' });
});

test('a kick by a duplicate login is an error event with 21132 and the channel is left', async (t) => {
  const app = await game(t);
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  await t.remote('u1', { roomId: 'c1' }).join();
  const error = await app.waitFor((e) => e.name === 'error');
  t.equal(error.payload.code, 21132);
  t.equal(typeof error.payload.message, 'string');
  t.deepEqual((await call(app, 'leaveChannel')).res, { errMsg: 'leaveChannel:fail not in a channel', errNo: 102, errCode: 102 });
});

test('enableAudioVolumeIndication with interval 0 stops the reports', { timeout: 60000 }, async (t) => {
  const app = await game(t);
  await app.evaluate(() => engine.onNetworkQuality((res) => seen.push(['networkQuality', res])));
  const bob = t.remote('bob', { roomId: 'c1' });
  await bob.join();
  await bob.publish('audio');
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  t.equal((await call(app, 'enableAudioVolumeIndication', { interval: 100 })).res.errMsg, 'enableAudioVolumeIndication:ok');
  await app.waitFor('audioVolumeIndication');
  t.equal((await call(app, 'enableAudioVolumeIndication', { interval: 0 })).res.errMsg, 'enableAudioVolumeIndication:ok');
  // networkQuality comes every 2 s: between two of them, a running 100 ms indication would
  // report about 20 times. (One report already posted when it stopped may land before the first.)
  const first = await app.waitFor('networkQuality', { since: app.lastSeq() });
  const second = await app.waitFor('networkQuality', { since: first.seq });
  const between = app.events((e) => e.name === 'audioVolumeIndication' && e.seq > first.seq && e.seq < second.seq);
  t.equal(between.length, 0);
});

test('muteAllRemoteAudioStream also applies to members who join later', { timeout: 60000 }, async (t) => {
  const app = await game(t);
  await call(app, 'joinChannel', { channelId: 'c1', uid: 'u1', token: t.token({ room: 'c1', user: 'u1' }) });
  t.equal((await call(app, 'muteAllRemoteAudioStream')).res.errMsg, 'muteAllRemoteAudioStream:ok');
  const bob = t.remote('bob', { roomId: 'c1', microphone: { tone: 440 } });
  await bob.join();
  await bob.publish('both');
  // Bob's video arrives (the link is up), his audio does not: this device did not subscribe to it.
  const flowing = await t.waitUntil(async () => {
    const s = await app.media('bob');
    return s && s.camera.framesDecoded > 10 && s;
  });
  t.equal(flowing.audio.packetsReceived, 0, 'no audio from bob while every remote stream is muted');
  t.equal((await call(app, 'unmuteAllRemoteAudioStream')).res.errMsg, 'unmuteAllRemoteAudioStream:ok');
  await t.waitUntil(async () => {
    const s = await app.media('bob');
    return s && s.audio.packetsReceived > 10;
  });
});
