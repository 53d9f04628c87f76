// Local HTTP servers for the tests: a scripted one that answers what a test tells it to (for
// failures a real Proofdesk server cannot be made to produce on demand), and a webhook receiver.
import { once } from 'node:events';
import { createServer } from 'node:http';

/**
 * Answers each request with the next step of `script`: `{status, body?, headers?, delayMs?}`,
 * or `'drop'` to close the connection without an answer; the last step repeats. Records every
 * request it got.
 */
export async function scriptedServer(script) {
  const requests = [];
  const steps = [...script];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      const step = steps.length > 1 ? steps.shift() : steps[0];
      if (step === 'drop') {
        req.socket.destroy();
        return;
      }
      const body = step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
      setTimeout(() => {
        if (!res.destroyed) {
          res.writeHead(step.status, { 'Content-Type': 'application/json', ...(step.headers ?? {}) });
          res.end(body);
        }
      }, step.delayMs ?? 0);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** An API error envelope, as the server sends it. */
export function envelope(code, message, details = {}) {
  return { error: { code, message, details, requestId: 'req_scripted' } };
}

/**
 * A webhook receiver on a free port: every request's raw body and headers are kept, and handed to
 * `handle(rawBody, headers)`, which returns the status to answer (200 by default).
 */
export async function webhookReceiver(handle = () => 200) {
  const received = [];
  const waiters = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const request = { rawBody: Buffer.concat(chunks), headers: req.headers };
      let status;
      try {
        status = handle(request.rawBody, request.headers);
      } catch {
        status = 400;
      }
      received.push(request);
      res.writeHead(status).end();
      for (const w of [...waiters]) {
        if (w.match(request)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(request);
        }
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    received,
    /** The first request (already received or still to come) that matches, within `ms`. */
    next(match, ms = 30_000) {
      const found = received.find(match);
      if (found) {
        return Promise.resolve(found);
      }
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          if (waiters.includes(waiter)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(new Error(`no matching webhook within ${ms} ms; got ${received.length} request(s)`));
          }
        }, ms).unref();
      });
    },
    close: () => new Promise((done) => server.close(done)),
  };
}

/** The event a received webhook carries, parsed without verification (for matching only). */
export function peek(request) {
  return JSON.parse(request.rawBody.toString('utf8'));
}
