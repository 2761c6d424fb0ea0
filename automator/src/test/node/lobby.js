// A miniprogram-automator 0.12.1 script against tt-rtc-host's automator endpoint, run by
// ClientScriptsTest on the sample mini-program's lobby (no RTC behind it in this module).
// Every check prints "ok <what>"; the first failure prints "FAIL <what>: <why>" and exits 1.
const assert = require('assert');
const automator = require('miniprogram-automator');

const wsEndpoint = process.argv[2];
let step = 'connect';

async function check(what, fn) {
  step = what;
  await fn();
  console.log('ok ' + what);
}

function until(what, probe) {
  // Polls a condition with a deadline, as a script waiting on the UI does.
  const deadline = Date.now() + 20000;
  return new Promise((resolve, reject) => {
    const poll = async () => {
      try {
        const value = await probe();
        if (value) return resolve(value);
      } catch (e) {
        return reject(e);
      }
      if (Date.now() > deadline) return reject(new Error('timed out waiting for ' + what));
      setTimeout(poll, 100);
    };
    poll();
  });
}

(async () => {
  const mp = await automator.connect({ wsEndpoint });
  const consoleLines = [];
  const exceptions = [];
  mp.on('console', (m) => consoleLines.push(m));
  mp.on('exception', (e) => exceptions.push(e));

  let page;
  await check('systemInfo and currentPage', async () => {
    const info = await mp.systemInfo();
    assert.ok(info.windowWidth > 0, JSON.stringify(info));
    page = await mp.currentPage();
    assert.strictEqual(page.path, 'pages/index/index');
    assert.strictEqual((await mp.pageStack()).length, 1);
  });

  await check('page data with and without a path', async () => {
    assert.strictEqual(await page.data('roomId'), 'demo-room');
    assert.strictEqual((await page.data()).micOn, true);
  });

  await check('element queries, text, attributes, wxml', async () => {
    const button = await page.$('button');
    assert.strictEqual(button.tagName, 'button');
    assert.strictEqual(await button.text(), 'Join');
    assert.strictEqual(await button.attribute('type'), 'primary');
    const fields = await page.$$('.field');
    assert.strictEqual(fields.length, 2);
    const label = await fields[1].$('text');
    assert.strictEqual(await label.text(), 'Name');
    assert.ok((await fields[0].outerWxml()).startsWith('<view class="field"><text>Room</text>'));
    assert.strictEqual(await page.$('.does-not-exist'), null);
    const byXpath = await page.xpath("//view[@class='switches']/switch");
    assert.strictEqual(byXpath.tagName, 'switch');
    const size = await page.size();
    assert.ok(size.width > 0 && size.height > 0, JSON.stringify(size));
    const offset = await button.offset();
    assert.ok(offset.top > 0, JSON.stringify(offset));
  });

  await check('input types into the page', async () => {
    const input = (await page.$$('input'))[0];
    await input.input('room-42');
    assert.strictEqual(await page.data('roomId'), 'room-42');
    assert.strictEqual(await input.value(), 'room-42');
  });

  await check('tap a switch', async () => {
    const mic = await page.$('switch');
    await mic.tap();
    assert.strictEqual(await page.data('micOn'), false);
  });

  await check('setData and callMethod', async () => {
    await page.setData({ userId: 'carol' });
    assert.strictEqual(await (await page.$$('input'))[1].value(), 'carol');
    await page.callMethod('toggleCamera');
    assert.strictEqual(await page.data('cameraOn'), false);
  });

  await check('mock an API with a result, call it, restore it', async () => {
    await mp.mockWxMethod('getStorageSync', 'mocked value');
    assert.strictEqual(await mp.callWxMethod('getStorageSync', 'any'), 'mocked value');
    await mp.mockWxMethod('showModal', { confirm: false, cancel: true });
    const modal = await mp.callWxMethod('showModal', { title: 'Leave?' });
    assert.strictEqual(modal.cancel, true);
    assert.strictEqual(modal.errMsg, 'showModal:ok');
    await mp.restoreWxMethod('getStorageSync');
    assert.strictEqual(await mp.callWxMethod('getStorageSync', 'any'), '');
  });

  await check('a function mock reports through an exposed function when Join is tapped', async () => {
    const toasts = [];
    await mp.exposeFunction('recordToast', (title) => toasts.push(title));
    await mp.mockWxMethod('showToast', function (params, prefix) {
      recordToast(prefix + params.title);
      return { shown: true };
    }, 'toast: ');
    await (await page.$('button')).tap();
    await until('the toast binding', () => toasts.length === 1);
    assert.strictEqual(toasts[0], 'toast: No token: start with tt-host run');
    await mp.restoreWxMethod('showToast');
  });

  await check('evaluate in the app', async () => {
    assert.strictEqual(await mp.evaluate(() => typeof tt.showToast), 'function');
    assert.strictEqual(await mp.evaluate((a, b) => a + b, 2, 3), 5);
    assert.strictEqual(await mp.evaluate(() => new Promise((r) => setTimeout(() => r('later'), 10))), 'later');
    assert.strictEqual(await mp.evaluate(() => getCurrentPages().length), 1);
  });

  await check('console and exception events', async () => {
    await mp.evaluate(() => { console.warn('from the script', 7); });
    await until('the console line', () => consoleLines.find((m) => m.type === 'warn' && m.args[0] === 'from the script 7'));
    await mp.evaluate(() => { setTimeout(() => { throw new Error('boom in a timer'); }, 0); });
    await until('the exception', () => exceptions.find((e) => e.message.includes('boom in a timer')));
  });

  await check('errors: evaluate throws, unknown page method, unsupported devtools method', async () => {
    await assert.rejects(mp.evaluate(() => { throw new Error('thrown on purpose'); }), /thrown on purpose/);
    await assert.rejects(page.callMethod('noSuchMethod'), /has no method noSuchMethod/);
    await assert.rejects(mp.callWxMethod('noSuchApi'), /tt.noSuchApi does not exist/);
    await assert.rejects(mp.testAccounts(), /Tool.getTestAccounts is not supported by tt-rtc-host/);
    await assert.rejects(mp.callPluginWxMethod('wxPlugin', 'getSystemInfoSync'), /not supported/);
    await assert.rejects(mp.getTicket(), /Tool.getTicket is not supported by tt-rtc-host/);
  });

  await check('screenshot', async () => {
    const png = Buffer.from(await mp.screenshot(), 'base64');
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.length > 1000, 'a real image: ' + png.length + ' bytes');
  });

  await check('navigation: navigateTo, pageStack, navigateBack, reLaunch', async () => {
    const room = await mp.navigateTo('/pages/room/room?roomId=r1&userId=u1');
    assert.strictEqual(room.path, 'pages/room/room');
    assert.strictEqual(room.query.roomId, 'r1');
    assert.deepStrictEqual((await mp.pageStack()).map((p) => p.path), ['pages/index/index', 'pages/room/room']);
    const back = await mp.navigateBack();
    assert.strictEqual(back.id, page.id, 'the lobby keeps its page id');
    const fresh = await mp.reLaunch('/pages/index/index?roomId=fresh');
    assert.notStrictEqual(fresh.id, page.id, 'a relaunched page is a new page');
    assert.strictEqual(await fresh.data('roomId'), 'fresh');
  });

  await mp.close();
  console.log('done');
})().catch((e) => {
  console.log('FAIL ' + step + ': ' + (e && e.message));
  process.exit(1);
});
