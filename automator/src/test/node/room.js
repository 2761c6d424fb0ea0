// The automator script of docs/automator.md, against `tt-host run sample-miniapp --automator
// --remote bob`: start over from the lobby, tap Join, wait for bob, read the room, mock an API,
// take a screenshot, leave. Written for the devtools' automator; nothing here knows tt-rtc-host.
// Usage: node room.js [ws://127.0.0.1:9420] [screenshot.png]
const automator = require('miniprogram-automator');

// Waits for a condition with a deadline (the client's own page.waitFor(fn) waits forever).
async function until(what, probe, ms = 30000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 200));
  }
}

(async () => {
  const mp = await automator.connect({ wsEndpoint: process.argv[2] || 'ws://127.0.0.1:9420' });
  mp.on('console', (m) => console.log('[console]', m.type, m.args.join(' ')));
  mp.on('exception', (e) => console.log('[exception]', e.message));

  // tt-host run opened the lobby with a token, and the lobby went on into the room at once.
  // Let that join settle, then start over from the lobby.
  await until('the first join', async () => {
    const page = await mp.currentPage();
    return page.path === 'pages/room/room' && (await page.data('state')) !== 'joining';
  });
  const token = await (await mp.pageStack())[0].data('token');
  const lobby = await mp.reLaunch('/pages/index/index?roomId=demo-room&userId=me');
  console.log('lobby', lobby.path, await lobby.data('roomId'));

  await lobby.setData({ token });
  await (await lobby.$('button')).tap(); // Join
  const room = await until('the room page', async () => {
    const page = await mp.currentPage();
    return page.path === 'pages/room/room' && page;
  });
  await until('bob in the room', async () => (await room.data('members')).includes('bob'));
  console.log('members', (await room.data('members')).join(','), 'state', await room.data('state'));
  const names = await Promise.all((await room.$$('.member text')).map((t) => t.text()));
  console.log('member list shows', names.join(','));

  const mute = (await room.$$('.controls button'))[0];
  console.log('mic button', await mute.text());
  await mute.tap();
  await until('the mic to go off', async () => (await room.data('micOn')) === false);
  console.log('mic button after tap', await mute.text());

  await mp.mockWxMethod('showToast', { errMsg: 'showToast:ok' });
  console.log('showToast mocked:', await mp.evaluate(() => tt.showToast({ title: 'x' }) === undefined));
  await mp.restoreWxMethod('showToast');

  await mp.screenshot({ path: process.argv[3] || 'room.png' });
  console.log('screenshot', process.argv[3] || 'room.png');

  const leave = (await room.$$('.controls button'))[2];
  await leave.tap();
  await until('the lobby again', async () => (await mp.currentPage()).path === 'pages/index/index');
  console.log('left; page stack', (await mp.pageStack()).map((p) => p.path).join(','));
  await mp.close();
  console.log('done');
})().catch((e) => {
  console.log('FAIL', e.message);
  process.exit(1);
});
