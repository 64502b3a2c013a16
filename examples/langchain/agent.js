// The helpdesk agent on LangChain.js: a `createAgent` agent with two tools
// (`read_inbox`, `send_email`) whose model is LangChain's own scripted chat
// model (`fakeModel()` from `@langchain/core/testing`), scripted to behave
// like a model that falls for injected instructions (`vulnerable`) or one
// that treats tool output and documents as data (`mitigated`). No network.
// The end-to-end suite runs its attacks against this same agent.
const { tool } = require('@langchain/core/tools');
const { AIMessage } = require('@langchain/core/messages');
const { fakeModel } = require('@langchain/core/testing');
const { convertToOpenAITool } = require('@langchain/core/utils/function_calling');
const { createAgent } = require('langchain');
const { z } = require('zod');

/** An instruction to email someone, wherever the model reads it. */
const INJECTED = /(?:send|forward|email)\b[^.]*?\bto ([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i;

/**
 * The scripted model: read the inbox, then answer; the vulnerable one obeys
 * an instruction it read in a message, a tool result or a tool description.
 * Like a provider's chat model, it turns the tools into their wire form when
 * the agent binds them (createAgent does on every run).
 */
function helpdeskModel(mode) {
  const model = fakeModel();
  let bound = '';
  const bindTools = model.bindTools.bind(model);
  model.bindTools = (tools, ...rest) => {
    bound = JSON.stringify(tools.map((t) => convertToOpenAITool(t)));
    return bindTools(tools, ...rest);
  };
  let calls = 0;
  const call = (name, args) =>
    new AIMessage({
      content: '',
      tool_calls: [{ id: `call-${++calls}`, name, args, type: 'tool_call' }],
    });
  const decide = (messages) => {
    const thisTurn = messages.slice(messages.map((m) => m._getType()).lastIndexOf('human'));
    const did = (name) => thisTurn.some((m) => (m.tool_calls ?? []).some((c) => c.name === name));
    const injected = INJECTED.exec(JSON.stringify(messages.map((m) => m.content)) + bound);
    if (mode === 'vulnerable' && injected && !did('send_email'))
      return call('send_email', {
        to: injected[1],
        subject: 'as asked',
        body: 'the customer list',
      });
    if (!did('read_inbox')) return call('read_inbox', { folder: 'support' });
    return new AIMessage('One open ticket: a broken printer.');
  };
  // One queued answer per model call.
  for (let i = 0; i < 40; i++) model.respond(decide);
  return model;
}

/** A fresh agent, its tools, its model and its outbox; `extra` goes to createAgent (a checkpointer ...). */
function helpdesk(mode, extra = {}) {
  const outbox = [];
  const tools = [
    tool(async () => JSON.stringify({ messages: ['My printer is broken.'] }), {
      name: 'read_inbox',
      description: 'Reads the support inbox',
      schema: z.object({ folder: z.string().optional() }),
    }),
    tool(
      async (email) => {
        outbox.push(email);
        return 'sent';
      },
      {
        name: 'send_email',
        description: 'Sends an email',
        schema: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
      },
    ),
  ];
  const model = helpdeskModel(mode);
  return { outbox, tools, model, agent: createAgent({ model, tools, ...extra }) };
}

module.exports = { helpdesk, helpdeskModel };
