/**
 * A fake OpenAI-compatible `/chat/completions` endpoint on the loopback
 * interface, for the tests and `npm run bench`: it answers after a latency,
 * rate-limits with a token bucket (429 with `Retry-After` in seconds, as an
 * HTTP date, or `retry-after-ms`), and follows a script for its first
 * requests (a status with headers, a stall that never answers, a reset
 * connection). Plain CommonJS so the bench (plain Node) and the tests share it.
 */
'use strict';
const http = require('node:http');
const { setTimeout } = require('node:timers');

function completionBody(content, request) {
  const prompt = JSON.stringify(request.messages ?? []).length;
  return {
    id: 'cmpl-fake',
    object: 'chat.completion',
    model: request.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: Math.ceil(prompt / 4),
      completion_tokens: Math.ceil(content.length / 4),
    },
  };
}

/**
 * Starts the endpoint on 127.0.0.1 (ephemeral port).
 * @param {object} [options]
 * @param {number} [options.latencyMs] delay before each answer (default 0)
 * @param {number|null} [options.ratePerSecond] token-bucket limit (capacity one second's worth)
 * @param {'seconds'|'date'|'ms'|'none'} [options.retryAfter] how a 429 says when to come back
 * @param {Array<'stall'|'reset'|{status:number, headers?:Record<string,string>, body?:unknown}>} [options.script]
 *   what the first requests get, in order; then normal answers
 * @param {(request: any) => string} [options.reply] the assistant text (default 'ok')
 */
async function startFakeEndpoint(options = {}) {
  const { latencyMs = 0, ratePerSecond = null, retryAfter = 'seconds', script = [] } = options;
  const reply = options.reply ?? (() => 'ok');
  const stats = { requests: 0, rateLimited: 0, answered: 0, received: [] };
  let tokens = ratePerSecond ?? 0;
  let updated = Date.now();
  const take = () => {
    const now = Date.now();
    tokens = Math.min(ratePerSecond, tokens + ((now - updated) * ratePerSecond) / 1000);
    updated = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - tokens) * 1000) / ratePerSecond);
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk.toString()));
    req.on('end', () => {
      const index = stats.requests;
      stats.requests += 1;
      let body = {};
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        body = { unparsable: raw };
      }
      stats.received.push({ url: req.url, headers: req.headers, body });
      const step = script[index];
      if (step === 'stall') return;
      if (step === 'reset') return req.socket.destroy();
      if (step && typeof step === 'object') {
        res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
        return res.end(JSON.stringify(step.body ?? { error: { message: `HTTP ${step.status}` } }));
      }
      if (ratePerSecond !== null) {
        const waitMs = take();
        if (waitMs > 0) {
          stats.rateLimited += 1;
          const headers = { 'content-type': 'application/json' };
          if (retryAfter === 'seconds') headers['retry-after'] = String(Math.ceil(waitMs / 1000));
          if (retryAfter === 'date')
            headers['retry-after'] = new Date(Date.now() + Math.max(waitMs, 1000)).toUTCString();
          if (retryAfter === 'ms') headers['retry-after-ms'] = String(waitMs);
          res.writeHead(429, headers);
          return res.end(JSON.stringify({ error: { message: 'Rate limit reached' } }));
        }
      }
      setTimeout(() => {
        stats.answered += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(completionBody(reply(body), body)));
      }, latencyMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

module.exports = { startFakeEndpoint };
