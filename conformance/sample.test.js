// The sample mini-program and the base APIs it uses.
const SAMPLE = '../sample-miniapp';

test('the index page loads with its data, its console line and no errors', async (t) => {
  const app = await t.launch(SAMPLE);
  t.equal(app.route(), 'pages/index/index');
  const data = app.data();
  t.deepEqual([data.roomId, data.token, data.micOn, data.cameraOn], ['demo-room', '', true, true]);
  t.match(data.userId, /^user\d+$/);
  t.ok(app.events({ kind: 'console' }).some((e) => e.text === 'sample launched on iPhone 15 scene 1001'));
  t.deepEqual(app.errors(), []);
});

test('joining without a token shows a failure toast and stays on the index page', async (t) => {
  const app = await t.launch(SAMPLE);
  await app.call('join');
  const toast = await app.waitFor({ kind: 'ui', name: 'showToast' });
  t.deepEqual(toast.data, { title: 'No token: start with tt-host run', icon: 'fail', duration: 1500, mask: false });
  t.equal(app.route(), 'pages/index/index');
});

test('the mic and camera switches update page data and the app', async (t) => {
  const app = await t.launch(SAMPLE);
  await app.call('toggleMic');
  await app.call('toggleCamera');
  t.deepEqual([app.data().micOn, app.data().cameraOn], [false, false]);
  t.deepEqual(await app.evaluate(() => [getApp().globalData.micOn, getApp().globalData.cameraOn]), [false, false]);
});

test('the sample joins a room with two Java participants and lists all three', async (t) => {
  const bob = t.remote('bob', { roomId: 'demo' });
  await bob.join();
  await bob.publish('video');
  const app = await t.launch(SAMPLE, { query: { roomId: 'demo', userId: 'me', token: t.token({ room: 'demo', user: 'me' }) } });
  await app.waitFor({ kind: 'ui', name: 'showToast', text: 'showToast {"title":"Joined demo","icon":"success","duration":1500,"mask":false}' });
  t.equal(app.route(), 'pages/room/room');
  const carol = t.remote('carol', { roomId: 'demo' });
  await carol.join();
  const data = await app.waitForData((d) => d.members.length === 3);
  t.deepEqual(data.members, ['bob', 'me', 'carol']);
  t.deepEqual(data.videoMembers, ['bob', 'me']);
  t.equal(data.joined, true);
});

test('the room page toggles the camera and leaves', async (t) => {
  const app = await t.launch(SAMPLE, { query: { roomId: 'demo', userId: 'me', token: t.token({ room: 'demo', user: 'me' }) } });
  await app.waitForData((d) => d.joined === true && d.videoMembers.includes('me'));
  await app.call('toggleCamera');
  await app.waitForData((d) => d.cameraOn === false && d.videoMembers.length === 0);
  await app.call('leave');
  await app.waitFor((e) => e.kind === 'navigation' && e.name === 'pages/index/index' && e.seq > 1);
  t.equal(t.room('demo'), null);
});
