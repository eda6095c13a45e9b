/**
 * The single web chat page. Everything the server sends is inserted with textContent, never
 * innerHTML, so a course title or a message cannot inject markup.
 */
export const WEB_CHAT_PAGE = (demo: boolean): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rollcall — web chat</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d1f23; }
  header { background: #24313f; color: #fff; padding: 10px 16px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 17px; margin: 0 12px 0 0; }
  main { max-width: 860px; margin: 0 auto; padding: 12px; }
  #log { display: flex; flex-direction: column; gap: 10px; padding-bottom: 90px; }
  .msg { padding: 10px 12px; border-radius: 10px; max-width: 92%; white-space: pre-wrap; }
  .me { align-self: flex-end; background: #2b6cb0; color: #fff; }
  .bot { align-self: flex-start; background: #fff; box-shadow: 0 1px 2px #0002; }
  .note { align-self: center; font-size: 12px; color: #555; }
  .bot table { border-collapse: collapse; margin: 8px 0; font-size: 13px; white-space: normal; }
  .bot th, .bot td { border: 1px solid #d8dce2; padding: 3px 7px; text-align: left; }
  .bot .buttons { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
  .bot button, .bot a.button { border: 1px solid #2b6cb0; background: #fff; color: #2b6cb0; border-radius: 6px; padding: 4px 10px; cursor: pointer; font: inherit; text-decoration: none; }
  .bot button.primary { background: #2b6cb0; color: #fff; }
  .bot button.danger { border-color: #c53030; color: #c53030; }
  .bot .prompt { font-weight: 600; margin-top: 8px; }
  .bot .context { color: #667; font-size: 13px; }
  form { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; border-top: 1px solid #dde; padding: 10px; display: flex; gap: 8px; justify-content: center; }
  form input { flex: 1; max-width: 720px; padding: 9px; font: inherit; border: 1px solid #bbc; border-radius: 6px; }
  select { padding: 5px; font: inherit; }
</style>
</head>
<body>
<header>
  <h1>Rollcall</h1>
  ${demo ? '<label>Chat as <select id="person" aria-label="Person"></select></label> <span>(demo)</span>' : '<span id="who"></span> <button id="signout" type="button" hidden>Sign out</button>'}
</header>
<main><div id="log" aria-live="polite"></div></main>
<form id="form"><input id="text" autocomplete="off" placeholder="Ask something, e.g. what first aid sessions are there next month?" aria-label="Message"><button type="submit">Send</button></form>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const log = $('log');
  const params = new URLSearchParams(location.search);
  const picker = $('person');
  let thread = Math.random().toString(36).slice(2, 12);
  const headers = () => ({ 'content-type': 'application/json' });
  const el = (tag, props = {}, text) => { const e = document.createElement(tag); Object.assign(e, props); if (text !== undefined) e.textContent = text; return e; };
  const say = (who, text) => { const m = el('div', { className: 'msg ' + who }, text); log.appendChild(m); m.scrollIntoView(); return m; };

  async function loadPeople() {
    if (!picker) return loadMe();
    const res = await fetch('/web/people');
    if (!res.ok) { say('bot', 'The demo people could not be loaded.'); return; }
    const { people } = await res.json();
    const select = $('person');
    select.innerHTML = '';
    for (const p of people) select.appendChild(el('option', { value: p.email }, p.name + ' — ' + p.roles.join(', ')));
    const wanted = params.get('as');
    if (wanted) select.value = wanted;
  }

  async function loadMe() {
    const res = await fetch('/web/me');
    const body = await res.json();
    if (!res.ok) { say('bot', body.error ? body.error.message : 'Sign in first.'); return; }
    $('who').textContent = body.person.name;
    $('signout').hidden = false;
  }

  function render(reply) {
    const box = el('div', { className: 'msg bot' });
    box.dataset.testid = 'reply';
    for (const block of reply.blocks) {
      if (block.type === 'section') box.appendChild(el('div', {}, block.text));
      else if (block.type === 'context') box.appendChild(el('div', { className: 'context' }, block.text));
      else if (block.type === 'divider') box.appendChild(el('hr'));
      else if (block.type === 'fields') for (const f of block.fields) box.appendChild(el('div', {}, f.label + ': ' + f.value));
      else if (block.type === 'table') {
        if (block.title) box.appendChild(el('div', { className: 'prompt' }, block.title));
        const table = el('table'); const head = el('tr');
        for (const c of block.columns) head.appendChild(el('th', {}, c));
        table.appendChild(head);
        for (const row of block.rows) { const tr = el('tr'); for (const cell of row) tr.appendChild(el('td', {}, cell)); table.appendChild(tr); }
        box.appendChild(table);
      } else if (block.type === 'choices') {
        box.appendChild(el('div', { className: 'prompt' }, block.prompt));
        const row = el('div', { className: 'buttons' });
        for (const choice of block.choices) row.appendChild(button(choice.label, block.actionId, choice.value));
        box.appendChild(row);
      } else if (block.type === 'buttons') {
        const row = el('div', { className: 'buttons' });
        for (const b of block.buttons) {
          if (b.url) row.appendChild(el('a', { className: 'button', href: b.url, target: '_blank', rel: 'noopener' }, b.label));
          else row.appendChild(button(b.label, b.actionId, b.value, b.style));
        }
        box.appendChild(row);
      }
    }
    for (const f of reply.files || []) {
      const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: f.mimeType }));
      const row = el('div', { className: 'buttons' });
      row.appendChild(el('a', { className: 'button', href: url, download: f.name }, '⬇ ' + f.title));
      box.appendChild(row);
    }
    log.appendChild(box);
    box.scrollIntoView();
  }

  function button(label, actionId, value, style) {
    const b = el('button', { type: 'button', className: style || '' }, label);
    b.addEventListener('click', () => send({ action: { id: actionId, value } }, label));
    return b;
  }

  async function send(payload, shown) {
    say('me', shown);
    try {
      const res = await fetch('/web/chat', { method: 'POST', headers: headers(), body: JSON.stringify({ ...(picker ? { email: picker.value } : {}), thread, ...payload }) });
      const body = await res.json();
      if (!res.ok) { say('bot', body.error ? body.error.message : 'Something went wrong.'); return; }
      render(body.reply);
    } catch (e) { say('bot', 'I could not reach Rollcall. Check the service is running and try again.'); }
  }

  $('form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    $('text').value = '';
    send({ text }, text);
  });
  // The inbox: reminders, offers and approvals the outbox delivered, pushed as server-sent events.
  let inbox;
  function openInbox() {
    if (inbox) inbox.close();
    if (picker && !picker.value) return;
    inbox = new EventSource('/web/inbox/stream' + (picker ? '?email=' + encodeURIComponent(picker.value) : ''));
    inbox.addEventListener('delivery', (e) => {
      const item = JSON.parse(e.data);
      say('note', 'Inbox · ' + new Date(item.sentAt).toLocaleString());
      render(item.reply);
    });
  }
  if (picker) picker.addEventListener('change', () => { thread = Math.random().toString(36).slice(2, 12); log.innerHTML = ''; openInbox(); });
  else $('signout').addEventListener('click', async () => {
    await fetch('/web/sign-out', { method: 'POST', headers: headers(), body: '{}' });
    location.reload();
  });
  loadPeople().then(openInbox);
})();
</script>
</body>
</html>`;

/**
 * Opened from a one-time link `/web/sign-in#<token>`: the script sends the fragment (never
 * seen by servers or Referers) to exchange it for a session cookie, wipes it from the
 * address bar and history, and opens the chat.
 */
export const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Rollcall — signing in</title></head>
<body style="font: 15px system-ui, sans-serif; margin: 40px;">
<p id="status">Signing you in…</p>
<script>
(async () => {
  const token = location.hash.slice(1);
  history.replaceState(null, '', location.pathname);
  const status = document.getElementById('status');
  if (!token) { status.textContent = 'This link has no sign-in code. Ask Rollcall for a new link.'; return; }
  const res = await fetch('/web/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  if (res.ok) { location.replace('/'); return; }
  const body = await res.json().catch(() => ({}));
  status.textContent = body.error ? body.error.message : 'Signing in failed. Ask Rollcall for a new link.';
})();
</script>
</body>
</html>`;
