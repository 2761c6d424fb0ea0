// The official demo's conventions on real pages: page and component methods passed unbound as
// listeners keep their instance as `this`; capture, publish, then join, each awaited, joins.
const { APP_ID } = require('./lib/rtc');
const FIXTURE = 'fixtures/demo-flow';

function query(t, roomId, userId) {
  return { appId: APP_ID, roomId, userId, token: t.token({ room: roomId, user: userId }) };
}

test('a Page() joins in the seeds\' order and its unbound methods set data', async (t) => {
  const bob = t.remote('bob', { roomId: 'demo' });
  await bob.join();
  const app = await t.launch(FIXTURE, { query: query(t, 'demo', 'alice') });
  const data = await app.waitForData((d) => d.state !== 'idle' && d.videoMembers.includes('alice'));
  t.equal(data.state, 'joined');
  t.deepEqual(data.members, ['bob', 'alice']);
  await bob.waitFor((e) => e.name === 'userPublish' && e.userId === 'alice' && e.detail === 'video');
  const carol = t.remote('carol', { roomId: 'demo' });
  await carol.join();
  t.deepEqual((await app.waitForData((d) => d.members.length === 3)).members, ['bob', 'alice', 'carol']);
  t.deepEqual(app.errors(), []);
});

test('a page built with Component() does the same', async (t) => {
  const app = await t.launch(FIXTURE, { page: 'pages/component-room/component-room', query: query(t, 'demo2', 'dora') });
  const data = await app.waitForData((d) => d.state !== 'idle' && d.videoMembers.includes('dora'));
  t.equal(data.state, 'joined');
  t.deepEqual(data.members, ['dora']);
  t.deepEqual(app.errors(), []);
});
