// Dropped connections, server restarts, vanished members.
const { launch, join, received, waitForList } = require('./lib/rtc');

test('after a server restart the context rejoins and its lists are restored', async (t) => {
  const app = await launch(t, { listen: ['onRtcChatMembersChanged', 'onRtcStateChanged'] });
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcChatMembersChanged', ['bob', 'alice']);
  await t.server.restart();
  await app.waitFor((e) => e.name === 'onRtcStateChanged' && e.payload.errNo === 21135);
  await app.waitFor(() => (t.room('r1') || { members: [] }).members.length === 2, { timeout: 15000 });
  const states = (await received(app, 'onRtcStateChanged')).map((s) => [s.errNo, s.errMsg]);
  t.deepEqual(states.slice(0, 2), [[21134, 'reconnecting to the room server'], [21135, 'reconnected to the room server']]);
  await bob.waitFor('rejoined');
  // The room has both again before alice's client has heard of bob's rejoin: wait for her list to follow.
  await waitForList(app, 'onRtcChatMembersChanged', ['alice', 'bob'], { anyOrder: true });
});

test('when the server stays away the room is given up with 21133', async (t) => {
  const app = await launch(t, { listen: ['onRtcChatInterrupted', 'onRtcStateChanged'], launch: { reconnectGiveUpMs: 1500 } });
  await join(t, app, 'r1', 'alice');
  await t.server.stop();
  await app.waitFor('onRtcChatInterrupted');
  t.deepEqual(await received(app, 'onRtcChatInterrupted'), [{ errNo: 21133, errMsg: 'lost the connection to the room server' }]);
  t.equal((await received(app, 'onRtcStateChanged'))[0].errNo, 21134);
});

test('a member that vanishes without leaving is removed from the lists', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await waitForList(app, 'onRtcChatMembersChanged', ['alice', 'bob']);
  await bob.dropConnection();
  await waitForList(app, 'onRtcChatMembersChanged', ['alice']);
});
