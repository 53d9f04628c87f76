import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MalformedApiKeyError, Proofdesk } from '../dist/esm/index.js';
import { testKey } from './support/env.mjs';
import { scriptedServer } from './support/http.mjs';

test('a key not shaped like a secret key is refused before any request, without repeating it', async (t) => {
  const server = await scriptedServer([{ status: 200, body: { object: 'list', data: [], hasMore: false } }]);
  t.after(server.close);
  const last = testKey.at(-1);
  const malformed = [
    [testKey.slice(0, -1) + (last === 'a' ? 'b' : 'a'), /checksum does not match/],
    [testKey.slice(0, -1), /has 45 characters/],
    [testKey.replace('sk_test_', 'sk_prod_'), /must start with sk_test_ or sk_live_/],
    [`pk${testKey.slice(2)}`, /publishable key/],
    [`${testKey.slice(0, 20)}-${testKey.slice(21)}`, /characters other than letters and digits/],
    [` ${testKey}`, /must start with sk_test_ or sk_live_/],
    [`whsec_test_${'A'.repeat(43)}=`, /webhook signing secret \(whsec_…\) was given as apiKey.*Webhooks\.constructEvent/],
    ['', /No API key/],
    [undefined, /No API key/],
  ];
  for (const [key, message] of malformed) {
    assert.throws(
      () => new Proofdesk({ apiKey: key, baseUrl: server.url }),
      (e) =>
        e instanceof MalformedApiKeyError &&
        e.code === 'malformed_api_key' &&
        e.statusCode === 0 &&
        e.requestId === null &&
        message.test(e.message) &&
        (typeof key !== 'string' || key.length < 12 || !e.message.includes(key.slice(8))),
      String(key),
    );
  }
  const wellFormed = new Proofdesk({ apiKey: testKey, baseUrl: server.url });
  assert.equal(wellFormed.livemode, false);
  assert.equal(server.requests.length, 0, 'nothing was sent');
  await wellFormed.flows.list();
  assert.equal(server.requests.length, 1, 'a well-formed key does reach the server');
});

test('options are checked when the client is made', () => {
  assert.throws(() => new Proofdesk({ apiKey: testKey }), /baseUrl is required/);
  assert.throws(() => new Proofdesk({ apiKey: testKey, baseUrl: 'localhost:8080' }), /absolute http\(s\) URL/);
  assert.throws(() => new Proofdesk({ apiKey: testKey, baseUrl: 'https://x.example?y=1' }), /without query or fragment/);
  assert.throws(() => new Proofdesk({ apiKey: testKey, baseUrl: 'http://x', maxNetworkRetries: 11 }), /from 0 to 10/);
  assert.throws(() => new Proofdesk({ apiKey: testKey, baseUrl: 'http://x', timeoutMs: 0 }), /positive whole number/);
  assert.equal(new Proofdesk({ apiKey: testKey, baseUrl: 'https://verify.example.com/' }).baseUrl, 'https://verify.example.com');
  const client = new Proofdesk({ apiKey: testKey, baseUrl: 'http://x' });
  assert.ok(!JSON.stringify(client).includes(testKey) && !String(client).includes(testKey), 'the key is not exposed');
});
