// The four member lists and their firing rules; on/off registration.
const { launch, call, join, lists, received, waitForList } = require('./lib/rtc');

test('each list fires once right after the join succeeds, after the success callback', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcPublishScreenMembersChanged', []);
  const order = await app.evaluate(() => rtc.order);
  t.deepEqual(order, ['joinRtcRoom:ok', 'onRtcChatMembersChanged', 'onRtcVideoMembersChanged',
    'onRtcChatSpeakersChanged', 'onRtcPublishScreenMembersChanged']);
  t.deepEqual(await received(app, 'onRtcChatMembersChanged'),
    [{ userIdList: ['alice'], errCode: 0, errMsg: 'onRtcChatMembersChanged:ok' }]);
});

test('lists are in join order and include the local user', async (t) => {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  const carol = t.remote('carol', { roomId: 'r1' });
  await carol.join();
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcChatMembersChanged', ['bob', 'carol', 'alice']);
  const dave = t.remote('dave', { roomId: 'r1' });
  await dave.join();
  await waitForList(app, 'onRtcChatMembersChanged', ['bob', 'carol', 'alice', 'dave']);
  await carol.leave();
  await waitForList(app, 'onRtcChatMembersChanged', ['bob', 'alice', 'dave']);
  t.deepEqual(await lists(app, 'onRtcChatMembersChanged'),
    [['bob', 'carol', 'alice'], ['bob', 'carol', 'alice', 'dave'], ['bob', 'alice', 'dave']]);
});

test('a list fires only when it changes', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await waitForList(app, 'onRtcChatMembersChanged', ['alice', 'bob']);
  await bob.publish('video');
  await waitForList(app, 'onRtcVideoMembersChanged', ['bob']);
  await bob.publish('audio');
  await bob.unpublish('video');
  await waitForList(app, 'onRtcVideoMembersChanged', []);
  t.deepEqual(await lists(app, 'onRtcChatMembersChanged'), [['alice'], ['alice', 'bob']]);
  t.deepEqual(await lists(app, 'onRtcVideoMembersChanged'), [[], ['bob'], []]);
  t.deepEqual(await lists(app, 'onRtcPublishScreenMembersChanged'), [[]]);
});

test('video members follow the local publication with autoPublish', async (t) => {
  const app = await launch(t);
  await call(app, 'changeVideoCapture', { state: 1 });
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcVideoMembersChanged', ['alice']);
  await call(app, 'changeVideoCapture', { state: 0 });
  await waitForList(app, 'onRtcVideoMembersChanged', []);
  t.deepEqual(await lists(app, 'onRtcVideoMembersChanged'), [['alice'], []]);
});

test('a screen share by a Java participant reaches onRtcPublishScreenMembersChanged', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await bob.publish('screen');
  await waitForList(app, 'onRtcPublishScreenMembersChanged', ['bob']);
  await bob.unpublish('screen');
  await waitForList(app, 'onRtcPublishScreenMembersChanged', []);
  t.deepEqual(await lists(app, 'onRtcVideoMembersChanged'), [[]]);
});

test('off(fn) removes that listener only; off() removes every listener', async (t) => {
  const app = await launch(t, { listen: [] });
  await app.evaluate(() => {
    globalThis.counts = { a: 0, b: 0 };
    globalThis.a = () => counts.a++;
    globalThis.b = () => counts.b++;
    rtc.ctx.onRtcChatMembersChanged(a);
    rtc.ctx.onRtcChatMembersChanged(b);
  });
  await join(t, app, 'r1', 'alice');
  await app.waitForData(() => true);
  await app.waitFor((e) => e.name === 'onRtcChatMembersChanged' && e.payload.userIdList.length === 1);
  t.deepEqual(await app.evaluate(() => counts), { a: 1, b: 1 });
  await app.evaluate(() => rtc.ctx.offRtcChatMembersChanged(a));
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await app.waitFor((e) => e.name === 'onRtcChatMembersChanged' && e.payload.userIdList.length === 2);
  t.deepEqual(await app.evaluate(() => counts), { a: 1, b: 2 });
  await app.evaluate(() => rtc.ctx.offRtcChatMembersChanged());
  await bob.leave();
  await app.waitFor((e) => e.name === 'onRtcChatMembersChanged' && e.payload.userIdList.length === 1 && e.seq > 0
    && e.data.listeners === 0);
  t.deepEqual(await app.evaluate(() => counts), { a: 1, b: 2 });
});

test('the same listener registered twice is called twice; off(fn) removes both', async (t) => {
  const app = await launch(t, { listen: [] });
  await app.evaluate(() => {
    globalThis.n = 0;
    globalThis.f = () => n++;
    rtc.ctx.onRtcChatMembersChanged(f);
    rtc.ctx.onRtcChatMembersChanged(f);
  });
  await join(t, app, 'r1', 'alice');
  await app.waitFor((e) => e.name === 'onRtcChatMembersChanged');
  t.equal(await app.evaluate(() => n), 2);
  await app.evaluate(() => rtc.ctx.offRtcChatMembersChanged(f));
  await t.remote('bob', { roomId: 'r1' }).join();
  await app.waitFor((e) => e.name === 'onRtcChatMembersChanged' && e.data.listeners === 0);
  t.equal(await app.evaluate(() => n), 2);
});

test('registering a non-function throws an Error naming the method', async (t) => {
  const app = await launch(t, { listen: [] });
  t.equal(await app.evaluate(() => { try { rtc.ctx.onRtcChatMembersChanged('nope'); return 'no error'; } catch (e) { return e.message; } }),
    'onRtcChatMembersChanged:fail expect callback to be function, but got string');
});

test('a listener that throws is reported and the next listener still runs', async (t) => {
  const app = await launch(t, { listen: [] });
  await app.evaluate(() => {
    rtc.ctx.onRtcChatMembersChanged(() => { throw new Error('listener broke'); });
    rtc.listen('onRtcChatMembersChanged');
  });
  await join(t, app, 'r1', 'alice');
  await app.waitFor((e) => e.kind === 'error');
  t.deepEqual(await lists(app, 'onRtcChatMembersChanged'), [['alice']]);
  t.match(app.errors()[0].text, /Uncaught Error: listener broke$/);
});

test('onRtcStateChange is an alias of onRtcStateChanged', async (t) => {
  const app = await launch(t, { listen: [], launch: { authorize: { 'scope.record': false } } });
  await app.evaluate(() => { rtc.listen('onRtcStateChange', 'alias'); rtc.listen('onRtcStateChanged', 'name'); });
  await call(app, 'changeAudioCapture', { state: 1 });
  await app.waitFor('onRtcStateChanged');
  const alias = await received(app, 'alias');
  t.deepEqual(alias, await received(app, 'name'));
  t.deepEqual(alias, [{ errNo: 21106, errMsg: 'no microphone permission', data: {} }]);
});

test('after exitRtcRoom no list fires; the next join fires fresh lists', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcPublishScreenMembersChanged', []);
  const bob = t.remote('bob', { roomId: 'r1' });
  await call(app, 'exitRtcRoom', { roomId: 'r1' });
  await bob.join();
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcChatMembersChanged', ['bob', 'alice']);
  t.deepEqual(await lists(app, 'onRtcChatMembersChanged'), [['alice'], ['bob', 'alice']]);
  t.deepEqual(await lists(app, 'onRtcVideoMembersChanged'), [[], []]);
});
