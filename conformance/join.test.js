// joinRtcRoom and exitRtcRoom: success, every documented error, one room at a time.
const { launch, call, join, lists, waitForList } = require('./lib/rtc');

test('joinRtcRoom succeeds asynchronously with joinRtcRoom:ok and complete gets the same payload', async (t) => {
  const app = await launch(t);
  const outcome = await join(t, app, 'r1', 'alice');
  t.deepEqual(outcome, { ok: true, res: { errMsg: 'joinRtcRoom:ok' }, async: true, completeSame: true });
  t.deepEqual(t.room('r1').members.map((m) => m.userId), ['alice']);
});

test('missing or mistyped parameters fail with 20000 naming the parameter', async (t) => {
  const app = await launch(t);
  const token = t.token({ room: 'r1', user: 'alice' });
  const cases = [
    [{ userId: 'alice', token }, 'joinRtcRoom:fail expect params.roomId to be string, but got undefined'],
    [{ roomId: 'r1', token }, 'joinRtcRoom:fail expect params.userId to be string, but got undefined'],
    [{ roomId: 'r1', userId: 'alice' }, 'joinRtcRoom:fail expect params.token to be string, but got undefined'],
    [{ roomId: 7, userId: 'alice', token }, 'joinRtcRoom:fail expect params.roomId to be string, but got number'],
    [{ roomId: 'r1', userId: 'alice', token, roomConfig: 'yes' }, 'joinRtcRoom:fail expect params.roomConfig to be object, but got string'],
    [{ roomId: 'r1', userId: 'alice', token, roomConfig: { autoPublish: 1 } },
      'joinRtcRoom:fail expect params.roomConfig.autoPublish to be boolean, but got number'],
  ];
  for (const [params, errMsg] of cases) {
    const outcome = await call(app, 'joinRtcRoom', params);
    t.deepEqual(outcome.res, { errMsg, errNo: 20000 });
    t.equal(outcome.ok, false);
  }
  t.equal(t.room('r1'), null);
});

test('room and user ids outside the documented characters fail with 20000', async (t) => {
  const app = await launch(t);
  const tooLong = 'x'.repeat(129);
  for (const [roomId, userId, bad, value] of [['has space', 'alice', 'roomId', 'has space'], ['r1', 'ali/ce', 'userId', 'ali/ce'],
    [tooLong, 'alice', 'roomId', tooLong], ['', 'alice', 'roomId', '']]) {
    const outcome = await call(app, 'joinRtcRoom', { roomId, userId, token: 'x' });
    t.deepEqual(outcome.res, {
      errMsg: 'joinRtcRoom:fail expect params.' + bad + ' to be 1-128 characters of A-Z a-z 0-9 _ @ - ., but got ' + value,
      errNo: 20000
    });
  }
  const ok = await join(t, app, 'A-z_0.9@x', 'u_1-2.3@y');
  t.equal(ok.res.errMsg, 'joinRtcRoom:ok');
});

test('a second join before exitRtcRoom fails with 21100 whatever the room', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  const again = await join(t, app, 'r2', 'bob');
  t.deepEqual(again.res, { errMsg: 'joinRtcRoom:fail user alice is already in the room r1', errNo: 21100 });
  t.deepEqual(t.room('r1').members.map((m) => m.userId), ['alice']);
  t.equal(t.room('r2'), null);
});

test('a join still in progress also counts as being in a room', async (t) => {
  const app = await launch(t);
  const both = await app.evaluate((tokens) => Promise.all([
    rtc.call(rtc.ctx, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token: tokens[0] }),
    rtc.call(rtc.ctx, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token: tokens[0] })
  ]), [t.token({ room: 'r1', user: 'alice' })]);
  t.equal(both[0].res.errMsg, 'joinRtcRoom:ok');
  t.deepEqual(both[1].res, { errMsg: 'joinRtcRoom:fail user alice is already in the room r1', errNo: 21100 });
});

test('exitRtcRoom leaves, after which the context may join again', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  t.deepEqual((await call(app, 'exitRtcRoom', { roomId: 'r1' })).res, { errMsg: 'exitRtcRoom:ok' });
  t.equal(t.room('r1'), null);
  t.equal((await join(t, app, 'r2', 'alice')).res.errMsg, 'joinRtcRoom:ok');
});

test('exitRtcRoom outside a room or for another room fails with 20000', async (t) => {
  const app = await launch(t);
  t.deepEqual((await call(app, 'exitRtcRoom', { roomId: 'r1' })).res, { errMsg: 'exitRtcRoom:fail not in a room', errNo: 20000 });
  t.deepEqual((await call(app, 'exitRtcRoom', {})).res,
    { errMsg: 'exitRtcRoom:fail expect params.roomId to be string, but got undefined', errNo: 20000 });
  await join(t, app, 'r1', 'alice');
  t.deepEqual((await call(app, 'exitRtcRoom', { roomId: 'r9' })).res, { errMsg: 'exitRtcRoom:fail not in the room r9', errNo: 20000 });
});

test('the 51st visible member is refused with 21102', { timeout: 90000 }, async (t) => {
  const remotes = [];
  for (let i = 0; i < 50; i++) {
    const r = t.remote('m' + i, { roomId: 'big', media: false });
    remotes.push(r.join());
  }
  await Promise.all(remotes);
  const app = await launch(t);
  t.deepEqual((await join(t, app, 'big', 'late')).res,
    { errMsg: 'joinRtcRoom:fail room big is full: at most 50 visible users', errNo: 21102 });
  t.equal(t.room('big').members.length, 50);
});

test('without a room server, joining fails with 21102 saying so', async (t) => {
  const app = await launch(t, { launch: { rtc: false } });
  const outcome = await join(t, app, 'r1', 'alice');
  t.equal(outcome.res.errNo, 21102);
  t.match(outcome.res.errMsg, /^joinRtcRoom:fail no room server is configured/);
});

test('an unreachable room server fails the join with 21102 naming it', async (t) => {
  const app = await launch(t);
  await t.server.stop();
  const outcome = await join(t, app, 'r1', 'alice');
  t.equal(outcome.res.errNo, 21102);
  t.match(outcome.res.errMsg, /^joinRtcRoom:fail cannot reach the room server at ws:\/\/127\.0\.0\.1:\d+\/signal: the connection was refused \(is the room server running on that port\?\)$/);
});

test('contexts of different appIds never see each other', async (t) => {
  const a = await launch(t);
  const b = await launch(t, { appId: 'ffffffffffffffffffffffff' });
  await join(t, a, 'same', 'alice');
  const outcome = await call(b, 'joinRtcRoom', { roomId: 'same', userId: 'bob',
    token: t.token({ room: 'same', user: 'bob', appId: 'ffffffffffffffffffffffff' }) });
  // The server knows only the development app, so the other app's token is refused…
  t.deepEqual(outcome.res, { errMsg: 'joinRtcRoom:fail invalid token', errNo: 21101 });
  // …and alice's room never lists bob.
  t.deepEqual(await lists(a, 'onRtcChatMembersChanged'), [['alice']]);
});
