// changeUserVisibility and invisible members.
const { launch, call, join, lists, waitForList } = require('./lib/rtc');

test('going invisible removes the user from every list and stops its publications', async (t) => {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  const app = await launch(t);
  await call(app, 'changeVideoCapture', { state: 1 });
  await join(t, app, 'r1', 'alice');
  await waitForList(app, 'onRtcVideoMembersChanged', ['alice']);
  t.deepEqual(await call(app, 'changeUserVisibility', { visible: false }),
    { ok: true, res: { errMsg: 'changeUserVisibility:ok' }, async: true, completeSame: true });
  await waitForList(app, 'onRtcChatMembersChanged', ['bob']);
  await waitForList(app, 'onRtcVideoMembersChanged', []);
  await bob.waitFor((e) => e.name === 'userLeave' && e.userId === 'alice' && e.detail === 'invisible');
  t.deepEqual(bob.members().map((m) => m.userId), ['bob']);
  t.deepEqual((await call(app, 'changeStreamPublishState', { state: 1, streamType: 'audio' })).res,
    { errMsg: 'changeStreamPublishState:fail invisible users may not publish', errNo: 21130 });
  await call(app, 'changeUserVisibility', { visible: true });
  await waitForList(app, 'onRtcChatMembersChanged', ['bob', 'alice']);
  await bob.waitFor((e) => e.name === 'userJoined' && e.userId === 'alice' && bob.events().filter((x) => x.name === 'userJoined').length === 2);
});

test('an invisible Java participant is in no list', async (t) => {
  const app = await launch(t);
  await join(t, app, 'r1', 'alice');
  const ghost = t.remote('ghost', { roomId: 'r1', visible: false });
  await ghost.join();
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await waitForList(app, 'onRtcChatMembersChanged', ['alice', 'bob']);
  t.deepEqual(await lists(app, 'onRtcChatMembersChanged'), [['alice'], ['alice', 'bob']]);
  t.deepEqual(ghost.members().map((m) => m.userId), ['alice', 'bob']);
  t.equal(t.room('r1').members.length, 3);
});

test('invisibility chosen before joining makes the join invisible', async (t) => {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  const app = await launch(t);
  t.deepEqual(await call(app, 'changeUserVisibility', { visible: false }),
    { ok: true, res: { errMsg: 'changeUserVisibility:ok' }, async: true, completeSame: true });
  t.equal((await join(t, app, 'r1', 'alice')).res.errMsg, 'joinRtcRoom:ok');
  await waitForList(app, 'onRtcChatMembersChanged', ['bob']);
  t.deepEqual(bob.members().map((m) => m.userId), ['bob']);
  t.equal(t.room('r1').members.length, 2);
  t.ok(!bob.events().some((e) => e.name === 'userJoined' && e.userId === 'alice'));
});

test('changeUserVisibility checks its parameter', async (t) => {
  const app = await launch(t);
  t.deepEqual((await call(app, 'changeUserVisibility', { visible: 'no' })).res,
    { errMsg: 'changeUserVisibility:fail expect params.visible to be boolean, but got string', errNo: 20000 });
  await join(t, app, 'r1', 'alice');
  t.deepEqual((await call(app, 'changeUserVisibility', { visible: 'no' })).res,
    { errMsg: 'changeUserVisibility:fail expect params.visible to be boolean, but got string', errNo: 20000 });
});
