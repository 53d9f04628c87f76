// The SDK against the OpenAPI document the server serves: every operation an integrator's backend
// calls has a method, every field of every object the API returns is in the SDK's types, and every
// error code has its class. A new endpoint or field fails here until the SDK has it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ERROR_CLASSES } from '../dist/esm/index.js';
import { baseUrl, testClient } from './support/env.mjs';
import { scriptedServer } from './support/http.mjs';

const doc = await (await fetch(`${baseUrl}/v1/openapi.json`)).json();
const ID = '0192f4c1-7a00-7000-8000-000000000001';
/** The TypeScript name of a schema, where it differs. */
const TYPE_NAMES = { VerificationResult: 'SessionResult' };

/**
 * Operations of the secret-key API: not the system endpoints (no security), not the holder
 * protocol (the session's client secret), and not those marked for the command line only.
 */
function sdkOperations() {
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const security = operation.security ?? doc.security;
      const bySecretKey = security.some((requirement) => 'bearer' in requirement);
      if (bySecretKey && operation['x-proofdesk-sdk'] !== false) {
        operations.push({ method: method.toUpperCase(), path });
      }
    }
  }
  return operations;
}

/** Calls every method of every resource of a client, recording the requests they make. */
async function everyMethodsRequests() {
  const server = await scriptedServer([{ status: 200, body: { object: 'list', data: [], hasMore: false } }]);
  try {
    const client = testClient({ baseUrl: server.url, maxNetworkRetries: 0 });
    const called = [];
    const visit = async (resource, name) => {
      const prototype = Object.getPrototypeOf(resource);
      for (const method of Object.getOwnPropertyNames(prototype).filter((m) => m !== 'constructor')) {
        const fn = prototype[method];
        // ids where a parameter is an id; every other parameter takes its default
        const args = parameterNames(fn).map((p) => (/id$/i.test(p) ? ID : undefined));
        await fn.apply(resource, args);
        called.push(`${name}.${method}`);
      }
      for (const [key, value] of Object.entries(resource)) {
        if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) !== Object.prototype) {
          await visit(value, `${name}.${key}`);
        }
      }
    };
    for (const [key, value] of Object.entries(client)) {
      if (typeof value === 'object' && value !== null) {
        await visit(value, key);
      }
    }
    return { called, requests: server.requests.map((r) => ({ method: r.method, path: r.url.split('?')[0] })) };
  } finally {
    await server.close();
  }
}

function parameterNames(fn) {
  const list = /^[^(]*\(([^)]*)\)/.exec(fn.toString())[1];
  return list
    .split(',')
    .map((p) => p.split('=')[0].trim())
    .filter(Boolean);
}

function matches(template, path) {
  const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

test('every operation of the API has a method in the SDK', async () => {
  const operations = sdkOperations();
  assert.ok(operations.length > 30, `the document lists the API (${operations.length} operations)`);
  const { called, requests } = await everyMethodsRequests();
  assert.ok(called.includes('testHelpers.sessions.complete'), 'nested resources are walked');
  const missing = operations.filter((op) => !requests.some((r) => r.method === op.method && matches(op.path, r.path)));
  assert.deepEqual(missing, [], 'operations no SDK method calls');
});

test('every field of every object the API returns is in the SDK’s types', () => {
  const typesFile = fileURLToPath(new URL('../src/types.ts', import.meta.url));
  const program = ts.createProgram([typesFile], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(typesFile);
  const exported = new Map(
    checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((s) => [s.name, checker.getDeclaredTypeOfSymbol(s)]),
  );

  const missing = [];
  const compare = (schema, type, where) => {
    const props = new Map(checker.getPropertiesOfType(type).map((p) => [p.name, checker.getTypeOfSymbolAtLocation(p, source)]));
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if ('const' in property) {
        continue;
      }
      if (!props.has(name)) {
        missing.push(`${where}.${name}`);
        continue;
      }
      const propType = checker.getNonNullableType(props.get(name));
      if (property.properties) {
        compare(property, propType, `${where}.${name}`);
      } else if (property.items?.properties) {
        compare(property.items, checker.getIndexTypeOfType(propType, ts.IndexKind.Number), `${where}.${name}[]`);
      }
    }
  };
  const outputs = outputSchemas();
  assert.ok(outputs.includes('Session') && outputs.includes('Balance'), outputs.join());
  for (const name of outputs) {
    const typeName = TYPE_NAMES[name] ?? name;
    const type = exported.get(typeName);
    if (!type) {
      missing.push(`${typeName} (no such type for schema ${name})`);
      continue;
    }
    compare(doc.components.schemas[name], type, typeName);
  }
  assert.deepEqual(missing, [], 'response fields the SDK’s types lack');
});

test('every error code of the API has its own error class', () => {
  const codes = doc.components.schemas.Error.properties.error.properties.code.enum;
  assert.deepEqual(codes.filter((c) => !(c in ERROR_CLASSES)), []);
  const classes = codes.map((c) => ERROR_CLASSES[c]);
  assert.equal(new Set(classes).size, codes.length, 'one class per code');
});

/** Schemas of what the API answers: all but the request bodies and the error envelope. */
function outputSchemas() {
  const inputs = new Set(['Error']);
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      if (ref) {
        inputs.add(ref.split('/').pop());
      }
    }
  }
  // Relay frames travel over the holder's WebSocket, not through an SDK.
  return Object.keys(doc.components.schemas)
    .filter((name) => !inputs.has(name) && doc.components.schemas[name]['x-proofdesk-sdk'] !== false);
}
