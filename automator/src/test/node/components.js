// A miniprogram-automator 0.12.1 script on a custom component (CustomElement: data, setData,
// callMethod), run by ClientScriptsTest against automator/src/test/resources/counter-app.
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

(async () => {
  const mp = await automator.connect({ wsEndpoint });
  const page = await mp.currentPage();
  const card = await page.$('counter-card');

  await check('a custom component element', async () => {
    assert.strictEqual(typeof card.callMethod, 'function', 'the client made a CustomElement');
    assert.strictEqual(typeof (await page.$('.plain')).callMethod, 'undefined', 'a built-in is a plain Element');
  });

  await check('component data with and without a path', async () => {
    const data = await card.data();
    assert.strictEqual(data.count, 0);
    assert.strictEqual(data.label, 'taps');
    assert.strictEqual(await card.data('items[1].name'), 'b');
  });

  await check('component setData renders', async () => {
    await card.setData({ count: 3 });
    assert.strictEqual(await (await page.$('.count')).text(), 'taps: 3');
  });

  await check('component callMethod', async () => {
    assert.strictEqual(await card.callMethod('add', 2), 5);
    assert.strictEqual(await (await page.$('.count')).text(), 'taps: 5');
    assert.strictEqual(await card.callMethod('doubleLater', 4), 8);
    await assert.rejects(card.callMethod('nope'), /component components\/counter\/counter has no method nope/);
  });

  await mp.close();
  console.log('done');
})().catch((e) => {
  console.log('FAIL ' + step + ': ' + (e && e.message));
  process.exit(1);
});
