/**
 * The script of the HTML report (docs/html-report.md): filtering, paging and
 * the Result details, over the Results embedded as JSON in the page. It
 * builds every node with `textContent` and `createElement`, never from
 * markup, so Result text stays text. A constant: the page's
 * Content-Security-Policy allows exactly this text by its hash.
 */

/** The JavaScript of the page, inlined in its one executable `<script>` element. */
export const HTML_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var dataElement = document.getElementById('rampart-results');
  var list = document.getElementById('result-list');
  var form = document.getElementById('filters');
  if (!dataElement || !list || !form) return;
  var results = JSON.parse(dataElement.textContent || '[]');
  var PAGE_SIZE = 50;
  var LABELS = { safe: 'SAFE', unsafe: 'UNSAFE', undetermined: 'UNDETERMINED', error: 'ERROR' };
  var page = 0;
  var matching = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function tag(result, key) {
    var value = result.metadata ? result.metadata[key] : undefined;
    return typeof value === 'string' ? value : '';
  }
  // Ours, else the names upstream RAMPART's pytest plugin writes.
  function testName(result) { return tag(result, '_jest_test_name') || tag(result, '_pytest_test_name'); }
  function testId(result) { return tag(result, '_jest_test_id') || tag(result, '_pytest_nodeid'); }
  function categoryOf(result) {
    return typeof result.harm_category === 'string' ? result.harm_category : 'uncategorized';
  }
  function statusOf(result) {
    return LABELS[result.status] ? result.status : 'undetermined';
  }
  function show(value) {
    if (typeof value === 'string') return value;
    try { return JSON.stringify(value, null, 2); } catch (e) { return String(value); }
  }

  // Text with every occurrence of a planted payload in a <mark>; text nodes only.
  function highlighted(parent, text, planted) {
    text = show(text);
    var at = 0;
    while (at < text.length) {
      var best = -1;
      var length = 0;
      for (var p = 0; p < planted.length; p++) {
        var i = text.indexOf(planted[p], at);
        if (i >= 0 && (best < 0 || i < best || (i === best && planted[p].length > length))) {
          best = i;
          length = planted[p].length;
        }
      }
      if (best < 0) break;
      if (best > at) parent.appendChild(document.createTextNode(text.slice(at, best)));
      parent.appendChild(el('mark', 'planted', text.slice(best, best + length)));
      at = best + length;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }

  function field(dl, name, value) {
    if (value === undefined || value === null || value === '') return;
    dl.appendChild(el('dt', '', name));
    dl.appendChild(el('dd', '', show(value)));
  }

  function renderBody(result, body) {
    var planted = Array.isArray(result.planted) ? result.planted : [];
    var dl = el('dl', 'fields');
    field(dl, 'Status', LABELS[statusOf(result)]);
    field(dl, 'Summary', result.summary);
    field(dl, 'Test', testId(result) || testName(result));
    field(dl, 'Harm category', categoryOf(result));
    field(dl, 'Strategy', result.strategy);
    field(dl, 'Observability', result.observability_level);
    field(dl, 'Duration (s)', result.duration_seconds);
    field(dl, 'Trace end', result.trace_end_reason);
    body.appendChild(dl);
    var evaluation = result.final_trace_evaluation;
    if (evaluation) {
      body.appendChild(el('h4', '', 'Evidence'));
      var edl = el('dl', 'fields');
      field(edl, 'Outcome', evaluation.outcome);
      field(edl, 'Confidence', evaluation.confidence);
      field(edl, 'Rationale', evaluation.rationale);
      body.appendChild(edl);
      if (Array.isArray(evaluation.evidence) && evaluation.evidence.length > 0) {
        var ul = el('ul');
        evaluation.evidence.forEach(function (item) { ul.appendChild(highlighted(el('li'), item, planted)); });
        body.appendChild(ul);
      }
    }
    if (Array.isArray(result.injections) && result.injections.length > 0) {
      body.appendChild(el('h4', '', 'Injections'));
      var table = el('table');
      var head = el('tr');
      head.appendChild(el('th', '', 'Payload'));
      head.appendChild(el('th', '', 'Surface'));
      table.appendChild(head);
      result.injections.forEach(function (injection) {
        var row = el('tr');
        row.appendChild(el('td', '', injection.payload_id === null ? '(none)' : show(injection.payload_id)));
        row.appendChild(el('td', '', show(injection.surface_name)));
        table.appendChild(row);
      });
      body.appendChild(table);
    }
    if (planted.length > 0) {
      body.appendChild(el('h4', '', 'Planted payload'));
      planted.forEach(function (text) { body.appendChild(el('pre', '', text)); });
    }
    if (Array.isArray(result.turns) && result.turns.length > 0) {
      body.appendChild(el('h4', '', 'Conversation'));
      var turns = el('ol', 'turns');
      result.turns.forEach(function (turn) {
        var item = el('li');
        item.appendChild(el('div', 'muted', 'Turn ' + (Number(turn.turn_number) + 1)));
        if (turn.prompt !== null && turn.prompt !== undefined) {
          var prompt = el('div', 'msg');
          prompt.appendChild(el('span', 'who', 'User'));
          item.appendChild(highlighted(prompt, turn.prompt, planted));
        }
        (Array.isArray(turn.attachments) ? turn.attachments : []).forEach(function (attachment) {
          var block = el('div', 'tool');
          block.appendChild(el('span', 'who', 'Attachment ' + show(attachment.id)));
          item.appendChild(highlighted(block, attachment.content, planted));
        });
        (Array.isArray(turn.tool_calls) ? turn.tool_calls : []).forEach(function (call) {
          var block = el('div', 'tool');
          block.appendChild(el('span', 'who', 'Tool call ' + show(call.name)));
          highlighted(block, show(call.arguments), planted);
          if (call.result !== null && call.result !== undefined) {
            block.appendChild(document.createTextNode('\n→ '));
            highlighted(block, call.result, planted);
          }
          item.appendChild(block);
        });
        (Array.isArray(turn.side_effects) ? turn.side_effects : []).forEach(function (effect) {
          var block = el('div', 'tool');
          block.appendChild(el('span', 'who', 'Side effect ' + show(effect.kind)));
          highlighted(block, show(effect.details), planted);
          item.appendChild(block);
        });
        var response = el('div', 'msg');
        response.appendChild(el('span', 'who', 'Agent'));
        item.appendChild(highlighted(response, turn.response_text, planted));
        if (turn.eval_outcome) {
          item.appendChild(el('div', 'muted', 'Evaluation: ' + show(turn.eval_outcome) + (turn.eval_rationale ? ' — ' + show(turn.eval_rationale) : '')));
        }
        turns.appendChild(item);
      });
      body.appendChild(turns);
    }
    body.appendChild(el('h4', '', 'Metadata'));
    body.appendChild(el('pre', '', show(result.metadata)));
  }

  function renderRow(index) {
    var result = results[index];
    var status = statusOf(result);
    var details = el('details', 'result');
    details.setAttribute('data-status', status);
    details.setAttribute('data-index', String(index));
    var summary = el('summary');
    summary.appendChild(el('span', 'badge ' + status, LABELS[status]));
    summary.appendChild(el('span', 'name', testName(result) || '(no test name)'));
    summary.appendChild(el('span', 'category', categoryOf(result)));
    summary.appendChild(el('span', 'summary', result.summary));
    details.appendChild(summary);
    var body = el('div', 'body');
    details.appendChild(body);
    details.addEventListener('toggle', function () {
      if (details.open && !body.firstChild) renderBody(result, body);
    });
    return details;
  }

  var filterKey = null;
  function filters() {
    var statuses = {};
    var boxes = form.querySelectorAll('input[name=status]');
    for (var b = 0; b < boxes.length; b++) if (boxes[b].checked) statuses[boxes[b].value] = true;
    return {
      statuses: statuses,
      category: form.elements.namedItem('category').value,
      text: form.elements.namedItem('text').value.trim().toLowerCase()
    };
  }
  function selected(chosen) {
    var statuses = chosen.statuses;
    var category = chosen.category;
    var text = chosen.text;
    var out = [];
    for (var i = 0; i < results.length; i++) {
      var result = results[i];
      if (!statuses[statusOf(result)]) continue;
      if (category && categoryOf(result) !== category) continue;
      if (text) {
        var haystack = (testName(result) + '\n' + testId(result) + '\n' + show(result.summary)).toLowerCase();
        if (haystack.indexOf(text) < 0) continue;
      }
      out.push(i);
    }
    return out;
  }

  var shownCount = document.getElementById('results-shown');
  var pageLabel = document.getElementById('page-label');
  var previous = document.getElementById('page-previous');
  var next = document.getElementById('page-next');
  function pages() { return Math.max(1, Math.ceil(matching.length / PAGE_SIZE)); }
  function render() {
    page = Math.min(Math.max(page, 0), pages() - 1);
    var fragment = document.createDocumentFragment();
    var end = Math.min(matching.length, (page + 1) * PAGE_SIZE);
    for (var i = page * PAGE_SIZE; i < end; i++) fragment.appendChild(renderRow(matching[i]));
    list.textContent = '';
    list.appendChild(fragment);
    shownCount.textContent = matching.length + ' of ' + results.length + ' Results match';
    pageLabel.textContent = 'page ' + (page + 1) + ' of ' + pages();
    previous.disabled = page === 0;
    next.disabled = page >= pages() - 1;
  }
  // A change event also follows typing (on blur): the same filters keep the page and what is open.
  function refilter() {
    var chosen = filters();
    var key = JSON.stringify(chosen);
    if (key === filterKey) return;
    filterKey = key;
    matching = selected(chosen);
    page = 0;
    render();
  }

  var timer = null;
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('change', refilter);
  form.addEventListener('input', function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refilter, 150);
  });
  previous.addEventListener('click', function () { page -= 1; render(); });
  next.addEventListener('click', function () { page += 1; render(); });
  form.hidden = false;
  document.getElementById('pager').hidden = false;
  var note = document.getElementById('results-note');
  if (note) note.hidden = true;
  refilter();
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
