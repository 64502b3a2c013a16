// The helpdesk agent on the OpenAI Agents SDK: an `Agent` with two function
// tools (`read_inbox`, `send_email`) whose model is the SDK's own scripted
// model (`ScriptedModel` from `@openai/agents/testing`), scripted to behave
// like a model that falls for injected instructions (`vulnerable`) or one
// that treats tool output and documents as data (`mitigated`). No network.
// The end-to-end suite runs its attacks against this same agent.
const { Agent, setTracingDisabled, tool } = require('@openai/agents');
const {
  ScriptedModel,
  assistantMessage,
  functionCall,
  modelResponder,
} = require('@openai/agents/testing');
const { z } = require('zod');

// The default trace exporter would look for OPENAI_API_KEY.
setTracingDisabled(true);

/** An instruction to email someone, wherever the model reads it. */
const INJECTED = /(?:send|forward|email)\b[^.]*?\bto ([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i;

/**
 * The scripted model: read the inbox, then answer; the vulnerable one obeys
 * an instruction it read in the input, a tool result or a tool description.
 */
function helpdeskModel(mode) {
  let calls = 0;
  const call = (name, args) => [functionCall(name, args, { callId: `call-${++calls}` })];
  const decide = ({ request }) => {
    const input = Array.isArray(request.input)
      ? request.input
      : [{ role: 'user', content: request.input }];
    const thisTurn = input.slice(input.map((item) => item.role).lastIndexOf('user'));
    const did = (name) =>
      thisTurn.some((item) => item.type === 'function_call' && item.name === name);
    const injected = INJECTED.exec(JSON.stringify(input) + JSON.stringify(request.tools));
    if (mode === 'vulnerable' && injected && !did('send_email'))
      return call('send_email', {
        to: injected[1],
        subject: 'as asked',
        body: 'the customer list',
      });
    if (!did('read_inbox')) return call('read_inbox', { folder: 'support' });
    return [assistantMessage('One open ticket: a broken printer.')];
  };
  // One scripted answer per model call.
  return new ScriptedModel(Array.from({ length: 40 }, () => modelResponder(decide)));
}

/** A fresh agent, its tools, its model and its outbox. */
function helpdesk(mode) {
  const outbox = [];
  const tools = [
    tool({
      name: 'read_inbox',
      description: 'Reads the support inbox',
      parameters: z.object({ folder: z.string() }),
      execute: async () => ({ messages: ['My printer is broken.'] }),
    }),
    tool({
      name: 'send_email',
      description: 'Sends an email',
      parameters: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
      execute: async (email) => {
        outbox.push(email);
        return 'sent';
      },
    }),
  ];
  const model = helpdeskModel(mode);
  return { outbox, tools, model, agent: new Agent({ name: 'helpdesk', model, tools }) };
}

module.exports = { helpdesk, helpdeskModel };
