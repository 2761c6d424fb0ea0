// Tokens: every check, updateToken, onRoomTokenWillExpire and expiry during a call.
const { APP_ID, launch, call, join, lists, received, waitForList } = require('./lib/rtc');

test('a token failing any check fails the join with 21101 invalid token', async (t) => {
  const app = await launch(t);
  const tokens = [
    t.token({ room: 'r1', user: 'alice', issuedAgo: 120, expire: 60 }),
    t.token({ room: 'other', user: 'alice' }),
    t.token({ room: 'r1', user: 'bob' }),
    t.token({ room: 'r1', user: 'alice', appId: 'ffffffffffffffffffffffff' }),
    t.token({ room: 'r1', user: 'alice', appKey: 'not-the-key' }),
    t.token({ room: 'r1', user: 'alice', expire: 8 * 24 * 3600 }),
    'not a token at all',
    // Tokens that cannot travel in a signalling message: answered at once, the same way.
    '001' + APP_ID + 'QUFB'.repeat(17 * 1024),
    '001' + APP_ID + '\u0001'.repeat(12 * 1024),
    '001' + APP_ID + '\uD800',
  ];
  for (const token of tokens) {
    t.deepEqual((await call(app, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token })).res,
      { errMsg: 'joinRtcRoom:fail invalid token', errNo: 21101 });
  }
  t.equal(t.room('r1'), null);
});

test('a token that never expires is accepted and, as every token, lives at most 7 days', async (t) => {
  const app = await launch(t);
  const before = Math.floor(Date.now() / 1000);
  const outcome = await call(app, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token: t.token({ room: 'r1', user: 'alice', expire: 0 }) });
  t.equal(outcome.res.errMsg, 'joinRtcRoom:ok');
  const week = 7 * 24 * 3600;
  const expireAt = t.room('r1').members[0].tokenExpireAt;
  t.ok(expireAt >= before + week && expireAt <= Math.ceil(Date.now() / 1000) + week, 'the server ends it 7 days after issue');
});

test('onRoomTokenWillExpire fires 30 s before expiry and updateToken extends the session', async (t) => {
  const app = await launch(t, { listen: ['onRoomTokenWillExpire', 'onRtcChatInterrupted'] });
  await call(app, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token: t.token({ room: 'r1', user: 'alice', expire: 20 }) });
  await app.waitFor('onRoomTokenWillExpire');
  t.deepEqual(await received(app, 'onRoomTokenWillExpire'), [null]);
  const fresh = t.token({ room: 'r1', user: 'alice', expire: 7200 });
  t.deepEqual(await call(app, 'updateToken', { token: fresh }),
    { ok: true, res: { errMsg: 'updateToken:ok' }, async: true, completeSame: true });
  t.ok(t.room('r1').members[0].tokenExpireAt > Date.now() / 1000 + 7000, 'the server holds the new expiry');
});

test('updateToken refuses bad tokens and needs a room', async (t) => {
  const app = await launch(t);
  t.deepEqual((await call(app, 'updateToken', { token: t.token({ room: 'r1', user: 'alice' }) })).res,
    { errMsg: 'updateToken:fail not in a room', errNo: 20000 });
  await join(t, app, 'r1', 'alice');
  t.deepEqual((await call(app, 'updateToken', { token: 'garbage' })).res, { errMsg: 'updateToken:fail invalid token', errNo: 115902 });
  t.deepEqual((await call(app, 'updateToken', { token: t.token({ room: 'r1', user: 'bob' }) })).res,
    { errMsg: 'updateToken:fail invalid token', errNo: 21101 });
  t.deepEqual((await call(app, 'updateToken', {})).res,
    { errMsg: 'updateToken:fail expect params.token to be string, but got undefined', errNo: 20000 });
});

test('an expiring token ends the call: onRtcChatInterrupted and onRtcStateChanged 21108', async (t) => {
  const app = await launch(t, { listen: ['onRtcChatInterrupted', 'onRtcStateChanged', 'onRtcChatMembersChanged'] });
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await call(app, 'joinRtcRoom', { roomId: 'r1', userId: 'alice', token: t.token({ room: 'r1', user: 'alice', expire: 2 }) });
  await app.waitFor('onRtcChatInterrupted');
  t.deepEqual(await received(app, 'onRtcChatInterrupted'), [{ errNo: 21108, errMsg: 'token expired' }]);
  await app.waitFor('onRtcStateChanged');
  t.deepEqual(await received(app, 'onRtcStateChanged'), [{ errNo: 21108, errMsg: 'token expired', data: { roomId: 'r1' } }]);
  await bob.waitFor((e) => e.name === 'userLeave' && e.userId === 'alice' && e.detail === 'kicked');
  // Out of the room: a new join with a valid token works.
  t.equal((await join(t, app, 'r1', 'alice')).res.errMsg, 'joinRtcRoom:ok');
});
