// typings/fixture, the TypeScript mini-program that CI type-checks against typings/tt-rtc-host.d.ts
// (TypingsTypeCheckTest), run in the host: its .ts compiled by the compile step, the members
// its typings declare compared with the objects the host returns, and its typed seed flow
// (capture, join, publish; an unbound page method as listener) in a room.
const FIXTURE = '../typings/fixture';

test('the typed fixture declares exactly what the host implements and its typed flow joins', { timeout: 90000 }, async (t) => {
  const bob = t.remote('bob', { roomId: 'typed', media: false });
  await bob.join();
  const app = await t.launch(FIXTURE, {
    media: false,
    query: { roomId: 'typed', userId: 'me', token: t.token({ room: 'typed', user: 'me' }) }
  });
  const data = await app.waitForData((d) => d.joined || d.failure !== '');
  t.equal(data.failure, '');
  t.deepEqual(data.contextKeys, data.declaredContextMembers.slice().sort(), 'RtcRoomContext: host vs typings');
  t.deepEqual(data.engineKeys, data.declaredEngineMembers.slice().sort(), 'RtcEngine: host vs typings');
  t.deepEqual(data.audioStatus, { enabled: false, muted: true, inChannel: false });
  await app.waitForData((d) => d.members.length === 2);
  t.deepEqual(app.data().members, ['bob', 'me']);
  t.equal(app.$('#status').text(), 'joined');
  t.deepEqual(app.$$('.member').map((e) => e.text()), ['bob', 'me']);
  t.deepEqual(app.errors(), []);
});
