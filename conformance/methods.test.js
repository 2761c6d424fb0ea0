// createRtcRoomContext and the methods that need no room: switchCamera, setAudioPlaybackDevice,
// setVideoEncoderConfig; a destroyed context.
const { APP_ID, launch, call, join } = require('./lib/rtc');

test('createRtcRoomContext takes ({appId}) or (appId)', async (t) => {
  const app = await launch(t);
  t.deepEqual(await app.evaluate((id) => [typeof tt.createRtcRoomContext({ appId: id }).joinRtcRoom,
    typeof tt.createRtcRoomContext(id).joinRtcRoom], APP_ID), ['function', 'function']);
});

test('createRtcRoomContext without a proper appId throws createRtcRoomContext:fail', async (t) => {
  const app = await launch(t);
  const messages = await app.evaluate(() => [undefined, {}, 5, { appId: 5 }, 'short'].map((arg) => {
    try { tt.createRtcRoomContext(arg); return 'no error'; } catch (e) { return e.message; }
  }));
  t.deepEqual(messages, [
    'createRtcRoomContext:fail expect params.appId to be string, but got undefined',
    'createRtcRoomContext:fail expect params.appId to be string, but got undefined',
    'createRtcRoomContext:fail expect params.appId to be string, but got number',
    'createRtcRoomContext:fail expect params.appId to be string, but got number',
    'createRtcRoomContext:fail expect params.appId to be the 24-character RTC appId, but got short',
  ]);
});

test('switchCamera takes front or back; anything else fails with 172299', async (t) => {
  const app = await launch(t);
  for (const camera of ['back', 'front']) {
    t.deepEqual((await call(app, 'switchCamera', { camera })).res, { errMsg: 'switchCamera:ok' });
  }
  t.deepEqual((await call(app, 'switchCamera', { camera: 'xxx' })).res,
    { errMsg: 'switchCamera:fail expect params.camera to be one of "back", "front", but got xxx', errNo: 172299 });
});

test('setAudioPlaybackDevice takes speakerphone or earpiece', async (t) => {
  const app = await launch(t);
  for (const device of ['speakerphone', 'earpiece']) {
    t.deepEqual((await call(app, 'setAudioPlaybackDevice', { device })).res, { errMsg: 'setAudioPlaybackDevice:ok' });
  }
  t.deepEqual((await call(app, 'setAudioPlaybackDevice', { device: 'headphones' })).res, {
    errMsg: 'setAudioPlaybackDevice:fail expect params.device to be one of "speakerphone", "earpiece", but got headphones',
    errNo: 20000
  });
});

test('setVideoEncoderConfig takes maxSolution with width, height and frameRate', async (t) => {
  const app = await launch(t);
  t.deepEqual((await call(app, 'setVideoEncoderConfig', { maxSolution: { width: 640, height: 480, frameRate: 15 } })).res,
    { errMsg: 'setVideoEncoderConfig:ok' });
  const cases = [
    [{}, 'expect params.maxSolution to be object, but got undefined'],
    [{ maxSolution: { height: 480, frameRate: 15 } }, 'expect params.maxSolution.width to be number, but got undefined'],
    [{ maxSolution: { width: 640, height: 4800, frameRate: 15 } }, 'expect params.maxSolution.height to be an integer from 16 to 1920, but got 4800'],
    [{ maxSolution: { width: 640, height: 480, frameRate: 0 } }, 'expect params.maxSolution.frameRate to be an integer from 1 to 60, but got 0'],
    [{ maxSolution: { width: 64.5, height: 480, frameRate: 15 } }, 'expect params.maxSolution.width to be an integer from 16 to 1920, but got 64.5'],
  ];
  for (const [params, detail] of cases) {
    t.deepEqual((await call(app, 'setVideoEncoderConfig', params)).res, { errMsg: 'setVideoEncoderConfig:fail ' + detail, errNo: 20000 });
  }
});

test('a context replaced by a newer one is destroyed: every method fails with 115910', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  await app.evaluate((id) => { globalThis.old = rtc.ctx; rtc.ctx = tt.createRtcRoomContext({ appId: id }); }, APP_ID);
  await app.waitFor(() => t.room('r1') === null);
  const detail = 'engine has been destroyed,please invoke tt.createRtcRoomContext create new engine';
  const outcomes = await app.evaluate(() => Promise.all([
    ['joinRtcRoom', { roomId: 'r1', userId: 'alice', token: 'x' }], ['exitRtcRoom', { roomId: 'r1' }],
    ['changeAudioCapture', { state: 1 }], ['changeUserVisibility', { visible: true }]
  ].map(([m, p]) => rtc.call(old, m, p))));
  t.deepEqual(outcomes.map((o) => o.res), [
    { errMsg: 'joinRtcRoom:fail ' + detail, errNo: 115910 },
    { errMsg: 'exitRtcRoom:fail ' + detail, errNo: 115910 },
    { errMsg: 'changeAudioCapture:fail ' + detail, errNo: 115910 },
    { errMsg: 'changeUserVisibility:fail ' + detail, errNo: 115910 },
  ]);
  t.equal((await join(t, app, 'r1', 'alice')).res.errMsg, 'joinRtcRoom:ok');
});
