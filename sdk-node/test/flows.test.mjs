import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError } from '../dist/esm/index.js';
import { adults, liveClient, testClient } from './support/env.mjs';

test('creates, publishes, edits, versions, exports, imports and archives a flow', async () => {
  const proofdesk = testClient();
  const draft = await proofdesk.flows.create({
    ...adults('Adults'),
    rules: { minimumAge: 18, excludedCountries: ['PRK'] },
  });
  assert.equal(draft.object, 'flow');
  assert.equal(draft.status, 'draft');
  assert.equal(draft.version, 1);
  assert.equal(draft.product, 'age_verification');
  assert.equal(draft.rules.minimumAge, 18);
  assert.equal(draft.rules.ofac, true, 'defaults are filled in');
  assert.deepEqual(draft.documents, ['passport']);
  assert.equal(draft.disclosures.nationality, true);
  assert.equal(draft.disclosures.fullName, false);
  assert.equal(draft.settings.sessionTtlSeconds, 3600);
  assert.equal(draft.livemode, false);
  assert.equal(draft.publishedVersion, null);

  const published = await proofdesk.flows.publish(draft.id);
  assert.equal(published.status, 'published');
  assert.equal(published.publishedVersion, 1);
  assert.ok(published.publishedAt);

  const edited = await proofdesk.flows.update(draft.id, { rules: { minimumAge: 21 } });
  assert.equal(edited.version, 2, 'editing a published flow starts a new draft version');
  assert.equal(edited.status, 'draft');
  assert.deepEqual(edited.rules.excludedCountries, ['PRK'], 'a partial update keeps the rest');
  assert.equal((await proofdesk.flows.retrieve(draft.id)).rules.minimumAge, 21);

  const versions = await proofdesk.flows.versions(draft.id);
  assert.deepEqual(versions.map((v) => [v.version, v.status]), [[2, 'draft'], [1, 'published']]);
  assert.equal(versions[1].definition.rules.minimumAge, 18);

  const exported = await proofdesk.flows.export(draft.id);
  assert.equal(exported.rules.minimumAge, 18, 'export prefers the published version');
  assert.equal(exported.id, undefined, 'a definition carries no ids');
  assert.equal((await proofdesk.flows.export(draft.id, { version: 2 })).rules.minimumAge, 21);

  const promoted = await liveClient().flows.import(exported);
  assert.equal(promoted.livemode, true);
  assert.equal(promoted.status, 'draft', 'an import is always a draft');
  assert.equal(promoted.name, 'Adults');
  assert.notEqual(promoted.id, draft.id);

  const reimported = await proofdesk.flows.import({ ...exported, name: 'Adults, again' }, { flowId: draft.id });
  assert.equal(reimported.id, draft.id, 'with flowId the definition becomes that flow’s next draft');
  assert.equal(reimported.name, 'Adults, again');

  const archived = await proofdesk.flows.archive(draft.id);
  assert.equal(archived.status, 'archived');
  await assert.rejects(proofdesk.flows.publish(draft.id), ConflictError);
});

test('lists flows newest first and pages through all of them', async () => {
  const proofdesk = testClient();
  const created = [];
  for (let i = 0; i < 3; i++) {
    created.unshift((await proofdesk.flows.create(adults())).id);
  }
  const page = await proofdesk.flows.list({ limit: 2 });
  assert.equal(page.data.length, 2);
  assert.equal(page.hasMore, true);
  const next = await page.nextPage();
  assert.ok(next.data.length > 0);
  assert.ok(!next.data.some((f) => page.data.some((g) => g.id === f.id)), 'the next page starts after this one');

  // other suites create flows meanwhile: ours must come in order, each once
  const ours = [];
  for await (const flow of proofdesk.flows.list({ limit: 2 })) {
    if (created.includes(flow.id)) {
      ours.push(flow.id);
    }
  }
  assert.deepEqual(ours, created);
});
