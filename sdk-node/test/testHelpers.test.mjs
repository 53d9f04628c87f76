import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishedFlow, testClient } from './support/env.mjs';

test('mock passports are created with the chosen attributes, retrieved and listed', async () => {
  const proofdesk = testClient();
  const mock = await proofdesk.testHelpers.mockPassports.create({
    nationality: 'FRA',
    age: 30,
    signatureAlgorithm: 'RSA-2048',
    gender: 'female',
  });
  assert.equal(mock.object, 'mock_passport');
  assert.equal(mock.nationality, 'FRA');
  assert.equal(mock.gender, 'female');
  assert.equal(mock.signatureAlgorithm, 'RSA-2048');
  assert.equal(mock.livemode, false);
  for (const file of ['dg1', 'sod', 'dg15']) {
    assert.ok(Buffer.from(mock.chip[file], 'base64').length > 0, file);
  }
  assert.equal((await proofdesk.testHelpers.mockPassports.retrieve(mock.id)).documentNumber, mock.documentNumber);

  const defaults = await proofdesk.testHelpers.mockPassports.create();
  assert.equal(defaults.ofac, 'clear');
  assert.equal(defaults.defect, 'none');
  const listed = (await proofdesk.testHelpers.mockPassports.list({ limit: 2 }).toArray()).map((m) => m.id);
  assert.ok(listed.indexOf(defaults.id) >= 0 && listed.indexOf(defaults.id) < listed.indexOf(mock.id), 'newest first');
});

test('completing sessions with mock passports gives typed verdicts; expiring one ends it', async () => {
  const proofdesk = testClient();
  const flow = await publishedFlow(proofdesk);

  const adult = await proofdesk.testHelpers.mockPassports.create({ nationality: 'FRA', age: 30 });
  const session = await proofdesk.sessions.create({ flowId: flow.id });
  const done = await proofdesk.testHelpers.sessions.complete(session.id, { mockPassportId: adult.id });
  assert.equal(done.status, 'valid');
  assert.deepEqual(done.result.attributes, { nationality: 'FRA' }, 'only what the flow discloses');
  assert.ok(done.result.checks.length > 0);
  assert.ok(done.result.checks.every((c) => c.passed && c.code === null));
  assert.ok(done.result.nullifier);
  assert.ok(done.completedAt);

  const minor = await proofdesk.testHelpers.mockPassports.create({ age: 16 });
  const refused = await proofdesk.testHelpers.sessions.complete(
    (await proofdesk.sessions.create({ flowId: flow.id })).id,
    { mockPassportId: minor.id },
  );
  assert.equal(refused.status, 'invalid');
  assert.deepEqual(refused.result.checks.filter((c) => !c.passed).map((c) => c.code), ['age_below_minimum']);

  const cloned = await proofdesk.testHelpers.mockPassports.create({ defect: 'cloned_chip' });
  const notGenuine = await proofdesk.testHelpers.sessions.complete(
    (await proofdesk.sessions.create({ flowId: flow.id })).id,
    { mockPassportId: cloned.id },
  );
  assert.ok(notGenuine.result.checks.some((c) => c.code === 'chip_not_genuine'));

  const expired = await proofdesk.testHelpers.sessions.expire((await proofdesk.sessions.create({ flowId: flow.id })).id);
  assert.equal(expired.status, 'expired');
});
