// The same userId joining the same room again kicks the earlier session.
const { launch, join, received, waitForList } = require('./lib/rtc');

test('a second instance with the same user kicks the first, which is told 21132', async (t) => {
  const watcher = t.remote('watcher', { roomId: 'r1' });
  await watcher.join();
  const first = await launch(t, { listen: ['onRtcChatInterrupted'] });
  await join(t, first, 'r1', 'alice');
  const second = await launch(t);
  t.equal((await join(t, second, 'r1', 'alice')).res.errMsg, 'joinRtcRoom:ok');
  await first.waitFor('onRtcChatInterrupted');
  t.deepEqual(await received(first, 'onRtcChatInterrupted'),
    [{ errNo: 21132, errMsg: 'user alice joined the room r1 from another session' }]);
  await waitForList(second, 'onRtcChatMembersChanged', ['watcher', 'alice']);
  t.equal(watcher.events({ name: 'userLeave' }).length, 0, 'the others never saw alice leave');
  t.deepEqual(t.room('r1').members.map((m) => m.userId), ['watcher', 'alice']);
});

test('a Java participant with the same user id kicks the mini-program', async (t) => {
  const app = await launch(t, { listen: ['onRtcChatInterrupted'] });
  await join(t, app, 'r1', 'alice');
  await t.remote('alice', { roomId: 'r1' }).join();
  await app.waitFor('onRtcChatInterrupted');
  t.equal((await received(app, 'onRtcChatInterrupted'))[0].errNo, 21132);
});
