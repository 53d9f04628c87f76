import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookVerificationError, Webhooks, type Event } from '@proofdesk/node';

/**
 * The application's webhook endpoint, as it runs in production: verify the raw body with the
 * endpoint's secret (PROOFDESK_WEBHOOK_SECRET there), answer 400 to anything unverified, and
 * handle each event id once — a retried delivery carries the same id.
 */
export function webhookHandler(
  secret: string,
  handle: (event: Event) => void,
  refused: (reason: string) => void = () => {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const seen = new Set<string>();
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let event: Event;
      try {
        event = Webhooks.constructEvent(Buffer.concat(chunks), req.headers, secret);
      } catch (e) {
        if (!(e instanceof WebhookVerificationError)) {
          throw e;
        }
        refused(e.message);
        res.writeHead(400).end();
        return;
      }
      if (!seen.has(event.id)) {
        seen.add(event.id);
        handle(event);
      }
      res.writeHead(200).end();
    });
  };
}
