// changeAudioCapture, changeVideoCapture, changeStreamPublishState, autoPublish and the publish privilege.
const { launch, call, join, lists, received, waitForList } = require('./lib/rtc');

test('capture calls succeed with their errMsg, also before joining', async (t) => {
  const app = await launch(t);
  for (const method of ['changeAudioCapture', 'changeVideoCapture']) {
    for (const state of [1, 0]) {
      t.deepEqual(await call(app, method, { state }), { ok: true, res: { errMsg: method + ':ok' }, async: true, completeSame: true });
    }
  }
});

test('a capture state other than 0 or 1 fails with 20000', async (t) => {
  const app = await launch(t);
  t.deepEqual((await call(app, 'changeAudioCapture', { state: 7 })).res,
    { errMsg: 'changeAudioCapture:fail expect params.state to be one of 0, 1, but got 7', errNo: 20000 });
  t.deepEqual((await call(app, 'changeVideoCapture', {})).res,
    { errMsg: 'changeVideoCapture:fail expect params.state to be one of 0, 1, but got undefined', errNo: 20000 });
  t.deepEqual((await call(app, 'changeVideoCapture', { state: '1' })).res,
    { errMsg: 'changeVideoCapture:fail expect params.state to be one of 0, 1, but got 1', errNo: 20000 });
});

test('without the microphone grant capture fails with 10200 and onRtcStateChanged reports 21106', async (t) => {
  const app = await launch(t, { listen: ['onRtcStateChanged'], launch: { authorize: { 'scope.record': false } } });
  await join(t, app, 'r1', 'alice');
  t.deepEqual((await call(app, 'changeAudioCapture', { state: 1 })).res, { errMsg: 'changeAudioCapture:fail auth deny', errNo: 10200 });
  await app.waitFor('onRtcStateChanged');
  t.deepEqual(await received(app, 'onRtcStateChanged'), [{ errNo: 21106, errMsg: 'no microphone permission', data: { roomId: 'r1' } }]);
  t.equal((await call(app, 'changeAudioCapture', { state: 0 })).res.errMsg, 'changeAudioCapture:ok');
});

test('without the camera grant capture fails with 10200 and onRtcStateChanged reports 21105', async (t) => {
  const app = await launch(t, { listen: ['onRtcStateChanged'], launch: { authorize: { 'scope.camera': false } } });
  t.deepEqual((await call(app, 'changeVideoCapture', { state: 1 })).res, { errMsg: 'changeVideoCapture:fail auth deny', errNo: 10200 });
  await app.waitFor('onRtcStateChanged');
  t.deepEqual(await received(app, 'onRtcStateChanged'), [{ errNo: 21105, errMsg: 'no camera permission', data: {} }]);
});

test('with autoPublish a captured stream is published at join and others see it', async (t) => {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  const app = await launch(t);
  await call(app, 'changeAudioCapture', { state: 1 });
  await call(app, 'changeVideoCapture', { state: 1 });
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcVideoMembersChanged', ['alice']);
  await bob.waitFor((e) => e.name === 'userPublish' && e.userId === 'alice' && e.detail === 'video');
  const alice = t.room('r1').members.find((m) => m.userId === 'alice');
  t.deepEqual(alice.state, { audioCapture: true, videoCapture: true, audioPublished: true, videoPublished: true, screenPublished: false });
});

test('without autoPublish capture publishes nothing until changeStreamPublishState', async (t) => {
  const app = await launch(t);
  await call(app, 'changeVideoCapture', { state: 1 });
  await join(t, app, 'r1', 'alice', { roomConfig: { autoPublish: false } });
  await waitForList(app, 'onRtcVideoMembersChanged', []);
  t.deepEqual(await call(app, 'changeStreamPublishState', { state: 1, streamType: 'video' }),
    { ok: true, res: { errMsg: 'changeStreamPublishState:ok' }, async: true, completeSame: true });
  await waitForList(app, 'onRtcVideoMembersChanged', ['alice']);
  t.deepEqual(await lists(app, 'onRtcVideoMembersChanged'), [[], ['alice']]);
});

test('the seeds\' order works: capture, publish, then join, each awaited', async (t) => {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  const app = await launch(t);
  t.deepEqual(await call(app, 'changeAudioCapture', { state: 1 }),
    { ok: true, res: { errMsg: 'changeAudioCapture:ok' }, async: true, completeSame: true });
  t.deepEqual(await call(app, 'changeVideoCapture', { state: 1 }),
    { ok: true, res: { errMsg: 'changeVideoCapture:ok' }, async: true, completeSame: true });
  t.deepEqual(await call(app, 'changeStreamPublishState', { state: 1, streamType: 'both' }),
    { ok: true, res: { errMsg: 'changeStreamPublishState:ok' }, async: true, completeSame: true });
  t.equal((await join(t, app, 'r1', 'alice')).res.errMsg, 'joinRtcRoom:ok');
  await waitForList(app, 'onRtcVideoMembersChanged', ['alice']);
  await bob.waitFor((e) => e.name === 'userPublish' && e.userId === 'alice' && e.detail === 'video');
  const alice = t.room('r1').members.find((m) => m.userId === 'alice');
  t.deepEqual(alice.state, { audioCapture: true, videoCapture: true, audioPublished: true, videoPublished: true, screenPublished: false });
  t.deepEqual(await app.evaluate(() => rtc.order.filter((e) => e.endsWith(':ok') || e.endsWith(':fail'))),
    ['changeAudioCapture:ok', 'changeVideoCapture:ok', 'changeStreamPublishState:ok', 'joinRtcRoom:ok']);
});

test('a publish chosen before joining is applied at the join, also without autoPublish', async (t) => {
  const app = await launch(t);
  await call(app, 'changeStreamPublishState', { state: 1, streamType: 'audio' });
  await join(t, app, 'r1', 'alice', { roomConfig: { autoPublish: false } });
  await t.waitUntil(() => t.room('r1').members[0].state.audioPublished);
  t.deepEqual(t.room('r1').members[0].state,
    { audioCapture: false, videoCapture: false, audioPublished: true, videoPublished: false, screenPublished: false });
});

test('an unpublish chosen before joining wins over autoPublish; the latest choice per stream counts', async (t) => {
  const app = await launch(t);
  await call(app, 'changeAudioCapture', { state: 1 });
  await call(app, 'changeVideoCapture', { state: 1 });
  await call(app, 'changeStreamPublishState', { state: 1, streamType: 'video' });
  await call(app, 'changeStreamPublishState', { state: 0, streamType: 'video' });
  await join(t, app, 'r1', 'alice');
  await t.waitUntil(() => t.room('r1').members[0].state.audioPublished);
  t.equal(t.room('r1').members[0].state.videoPublished, false);
  t.deepEqual(await lists(app, 'onRtcVideoMembersChanged'), [[]]);
});

test('a publish chosen before joining with a token that forbids it is reported, and the join succeeds', async (t) => {
  const app = await launch(t, { listen: ['onRtcStateChanged'] });
  await call(app, 'changeStreamPublishState', { state: 1, streamType: 'audio' });
  const outcome = await call(app, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token: t.token({ room: 'r1', user: 'alice', publish: false }) });
  t.equal(outcome.res.errMsg, 'joinRtcRoom:ok');
  await app.waitFor('onRtcStateChanged');
  t.deepEqual(await received(app, 'onRtcStateChanged'),
    [{ errNo: 21130, errMsg: 'the token does not grant publishing', data: { roomId: 'r1' } }]);
  t.equal(t.room('r1').members[0].state.audioPublished, false);
});

test('choices before joining are forgotten once a join used them', async (t) => {
  const app = await launch(t);
  await call(app, 'changeStreamPublishState', { state: 1, streamType: 'audio' });
  await join(t, app, 'r1', 'alice', { roomConfig: { autoPublish: false } });
  await t.waitUntil(() => t.room('r1').members[0].state.audioPublished);
  t.equal((await call(app, 'exitRtcRoom', { roomId: 'r1' })).res.errMsg, 'exitRtcRoom:ok');
  await join(t, app, 'r2', 'alice', { roomConfig: { autoPublish: false } });
  t.equal(t.room('r2').members[0].state.audioPublished, false);
});

test('capture and publish are independent: publishing with the camera off is allowed', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  t.equal((await call(app, 'changeStreamPublishState', { state: 1, streamType: 'both' })).res.errMsg, 'changeStreamPublishState:ok');
  await waitForList(app, 'onRtcVideoMembersChanged', ['alice']);
  const state = t.room('r1').members[0].state;
  t.deepEqual([state.audioCapture, state.videoCapture, state.audioPublished, state.videoPublished], [false, false, true, true]);
  t.equal((await call(app, 'changeStreamPublishState', { state: 0, streamType: 'video' })).res.errMsg, 'changeStreamPublishState:ok');
  await waitForList(app, 'onRtcVideoMembersChanged', []);
  t.equal(t.room('r1').members[0].state.audioPublished, true);
});

test('changeStreamPublishState checks its parameters', async (t) => {
  const app = await launch(t);
  t.deepEqual((await call(app, 'changeStreamPublishState', { state: 1, streamType: 'screen' })).res,
    { errMsg: 'changeStreamPublishState:fail expect params.streamType to be one of "audio", "video", "both", but got screen', errNo: 20000 });
  await join(t, app, 'r1', 'alice');
  t.deepEqual((await call(app, 'changeStreamPublishState', { state: 2, streamType: 'both' })).res,
    { errMsg: 'changeStreamPublishState:fail expect params.state to be one of 0, 1, but got 2', errNo: 20000 });
  t.deepEqual((await call(app, 'changeStreamPublishState', { state: 1, streamType: 'screen' })).res,
    { errMsg: 'changeStreamPublishState:fail expect params.streamType to be one of "audio", "video", "both", but got screen', errNo: 20000 });
  t.deepEqual((await call(app, 'changeStreamPublishState', { state: 1 })).res,
    { errMsg: 'changeStreamPublishState:fail expect params.streamType to be one of "audio", "video", "both", but got undefined', errNo: 20000 });
});

test('a token without the publish privilege joins but may not publish', async (t) => {
  const app = await launch(t, { listen: ['onRtcVideoMembersChanged', 'onRtcStateChanged'] });
  const outcome = await call(app, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token: t.token({ room: 'r1', user: 'alice', publish: false }) });
  t.equal(outcome.res.errMsg, 'joinRtcRoom:ok');
  t.deepEqual((await call(app, 'changeStreamPublishState', { state: 1, streamType: 'audio' })).res,
    { errMsg: 'changeStreamPublishState:fail the token does not grant publishing', errNo: 21130 });
  await call(app, 'changeVideoCapture', { state: 1 });
  await app.waitFor('onRtcStateChanged');
  t.deepEqual(await received(app, 'onRtcStateChanged'),
    [{ errNo: 21130, errMsg: 'the token does not grant publishing', data: { roomId: 'r1' } }]);
  t.deepEqual(await lists(app, 'onRtcVideoMembersChanged'), [[]]);
  // The server hears of the capture on its own message, which may come after the local event.
  await t.waitUntil(() => t.room('r1').members[0].state.videoCapture === true);
});

test('the 31st publisher is refused with 21131', { timeout: 90000 }, async (t) => {
  const joins = [];
  for (let i = 0; i < 30; i++) {
    const r = t.remote('p' + i, { roomId: 'pub', media: false });
    joins.push(r.join().then(() => r.publish('audio')));
  }
  await Promise.all(joins);
  const app = await launch(t);
  await join(t, app, 'pub', 'late');
  t.deepEqual((await call(app, 'changeStreamPublishState', { state: 1, streamType: 'audio' })).res,
    { errMsg: 'changeStreamPublishState:fail the room already has 30 publishing users', errNo: 21131 });
});
