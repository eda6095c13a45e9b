/**
 * The SCORM player page: scorm-again's runtime as window.API (1.2) or window.API_1484_11
 * (2004), loaded with the attempt's saved state, committing to /scorm/commit/<token>/<scoId>,
 * and the SCO in an iframe. Multi-SCO packages get a list of their SCOs to move between.
 */
import type { TocNode } from '../features/content/parse-manifest.ts';
import type { OpenPlayerResult } from '../features/scorm/open-player.ts';

type Ready = Extract<OpenPlayerResult, { kind: 'ready' }>;

/** Chromium refuses beacons over 64 KiB; bigger final commits leave out what was just committed synchronously. */
const BEACON_BUDGET_BYTES = 60_000;

export function renderPlayerPage(token: string, view: Ready): string {
  const is12 = view.version === 'scorm12';
  const at = view.scos.findIndex((s) => s.id === view.current.id);
  const linkTo = (i: number) =>
    view.scos[i] ? `/scorm/launch/${token}?sco=${encodeURIComponent(view.scos[i]!.id)}` : null;
  const boot = {
    nextUrl: linkTo(at + 1),
    previousUrl: linkTo(at - 1),
    version: view.version,
    commitUrl: `/scorm/commit/${token}/${view.current.id}`,
    contentUrl: `/scorm/content/${token}/${view.current.launchHref}`,
    cmi: view.initialCmi,
    sequenceBase: view.sequenceBase,
    beaconBudget: BEACON_BUDGET_BYTES,
    current: view.current.identifier,
    chosen: view.chosen,
    review: view.review,
    sequencing: view.sequencing,
    sequencingUrl: `/scorm/sequencing/${token}`,
    scoUrls: Object.fromEntries(
      view.scos.map((s) => [s.identifier, `/scorm/launch/${token}?sco=${encodeURIComponent(s.id)}`]),
    ),
  };
  const linkFor = (s: Ready['scos'][number]) =>
    `<a href="/scorm/launch/${token}?sco=${encodeURIComponent(s.id)}"${s.id === view.current.id ? ' aria-current="page"' : ''} data-sco="${escapeHtml(s.identifier)}">${escapeHtml(s.title)}</a> <small class="status" data-status-of="${escapeHtml(s.identifier)}">${escapeHtml(s.statusText)}</small>`;
  const byIdentifier = new Map(view.scos.map((s) => [s.identifier, s]));
  // Folders group their items; hidden items are left out; older imports have no tree: a flat list.
  const tree = (nodes: TocNode[]): string =>
    nodes
      .filter((n) => !n.hidden)
      .map((n) => {
        const sco = byIdentifier.get(n.identifier);
        const inner = n.children.length > 0 ? `<ul>${tree(n.children)}</ul>` : '';
        if (sco) return `<li>${linkFor(sco)}${inner}</li>`;
        return inner ? `<li class="folder"><span>${escapeHtml(n.title)}</span>${inner}</li>` : '';
      })
      .join('');
  const nav =
    view.scos.length > 1
      ? `<nav aria-label="Course parts"><ul>${view.toc.length > 0 ? tree(view.toc) : view.scos.map((s) => `<li>${linkFor(s)}</li>`).join('')}</ul></nav>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(view.courseTitle)} · Rollcall</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { padding: .4rem .8rem; background: #1f2937; color: #fff; display: flex; gap: 1rem; align-items: baseline; }
  header h1 { font-size: 1rem; margin: 0; }
  #status { font-size: .85rem; opacity: .85; }
  main { flex: 1; display: flex; min-height: 0; }
  nav { width: 16rem; overflow: auto; border-right: 1px solid #ddd; font-size: .9rem; }
  nav a[aria-current] { font-weight: bold; }
  nav ul { list-style: none; padding-left: 1rem; }
  nav .folder > span { font-weight: 600; }
  nav .status { color: #555; }
  .controls { margin-left: auto; display: flex; gap: .4rem; }
  iframe { flex: 1; border: 0; width: 100%; height: 100%; }
</style>
<script src="/scorm/runtime/${is12 ? 'scorm12' : 'scorm2004'}.min.js"></script>
</head>
<body>
<header><h1>${escapeHtml(view.courseTitle)}</h1><span id="status" role="status">${view.review ? 'Review: you completed this course; nothing here changes your result. ' : ''}${escapeHtml(view.current.title)}</span>
<span class="controls"><button type="button" id="previous">Previous</button><button type="button" id="next">Next</button><button type="button" id="suspend">Suspend</button><button type="button" id="exit">Exit</button></span></header>
<main>${nav}<iframe id="sco" title="${escapeHtml(view.current.title)}"></iframe></main>
<script id="rollcall-boot" type="application/json">${jsonForScript(boot)}</script>
<script>
(function () {
  var boot = JSON.parse(document.getElementById('rollcall-boot').textContent);
  var is12 = boot.version === 'scorm12';
  // Commits are numbered in this session's own block (sequenceBase + n) and sent with fetch;
  // keepalive (so they survive the page going) whenever they fit its 64 KiB budget. A commit
  // over the budget leaves out only what the server already acknowledged unchanged.
  var sent = 0, ackedSeq = 0, acked = {}, pendingKeepalive = 0;
  var httpService = {
    updateSettings: function () {},
    processHttpRequest: function (url, params, immediate, apiLog, processListeners, metadata, done) {
      if (boot.review) { if (typeof done === 'function') done(); return { result: 'true', errorCode: 0 }; }
      var seq = boot.sequenceBase + (++sent);
      var cmi = (params && params.cmi) || params;
      var body = { cmi: cmi, commitSequence: seq };
      var text = JSON.stringify(body);
      if (text.length > boot.beaconBudget) {
        var slim = Object.assign({}, cmi);
        var omitted = [];
        ['suspend_data', 'interactions'].forEach(function (key) {
          if (key in slim && acked[key] === JSON.stringify(slim[key])) { delete slim[key]; omitted.push(key); }
        });
        if (omitted.length) { body = { cmi: slim, commitSequence: seq, omitted: omitted }; text = JSON.stringify(body); }
      }
      var size = new Blob([text]).size;
      var keepalive = pendingKeepalive + size <= boot.beaconBudget;
      if (keepalive) pendingKeepalive += size;
      var terminate = metadata && metadata.isTerminateCommit;
      var snapshot = {};
      ['suspend_data', 'interactions'].forEach(function (key) { if (key in body.cmi) snapshot[key] = JSON.stringify(body.cmi[key]); });
      inflight += 1;
      fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: text,
        keepalive: keepalive, credentials: 'same-origin'
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (response.ok && answer.applied && seq > ackedSeq) {
            ackedSeq = seq;
            var label = document.querySelector('[data-status-of="' + CSS.escape(boot.current) + '"]');
            if (label) label.textContent = statusInWords(body.cmi);
            Object.keys(snapshot).forEach(function (key) { acked[key] = snapshot[key]; });
          }
          processListeners(response.ok ? 'CommitSuccess' : 'CommitError', null, response.ok ? 0 : 101);
        });
      }, function () { processListeners('CommitError', null, 101); }).finally(function () {
        if (keepalive) pendingKeepalive -= size;
        inflight -= 1;
        if (terminate) window.rollcallCommitted = true;
        if (typeof done === 'function') done();
      });
      return { result: 'true', errorCode: 0 };
    }
  };
  var inflight = 0;
  // The table of contents speaks in words, from the data just saved.
  function statusInWords(cmi) {
    var completion = is12 ? (cmi.core || {}).lesson_status : cmi.completion_status;
    var success = is12 ? completion : cmi.success_status;
    if (success === 'passed') return 'Passed';
    if (success === 'failed') return 'Failed';
    if (completion === 'completed') return 'Completed';
    if (completion === 'incomplete') return 'In progress';
    if (completion === 'browsed') return 'Browsed';
    return 'Started';
  }
  var settings = {
    lmsCommitUrl: boot.commitUrl,
    autocommit: true,
    autocommitSeconds: 5,
    terminateCommitParam: 'terminate',
    // A SCORM 1.2 SCO that never sets a status is completed when it finishes.
    autoCompleteLessonStatus: true,
    httpService: httpService,
    logLevel: 4
  };
  // SCORM 2004 sequencing runs in scorm-again's own engine on the package's activity tree.
  var sequenced = !is12 && Boolean(boot.sequencing);
  var booting = true, deliveredDuringBoot = null;
  function saveSequencing() {
    if (!sequenced) return Promise.resolve();
    var text = JSON.stringify({ state: api.serializeSequencingState() });
    return fetch(boot.sequencingUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: text,
      keepalive: text.length <= boot.beaconBudget, credentials: 'same-origin'
    }).catch(function () {});
  }
  function deliver(id) {
    var url = boot.scoUrls[id];
    if (!url) return;
    saveSequencing().then(function () { window.location.assign(url); });
  }
  var courseEnded = false;
  function ended(message) {
    courseEnded = true;
    status.textContent = message;
    saveSequencing();
    // After the content's Terminate has returned: the course is over, nothing stays clickable.
    setTimeout(function () {
      var frame = document.getElementById('sco');
      if (frame) frame.remove();
      Array.prototype.forEach.call(document.querySelectorAll('nav a'), function (a) { a.removeAttribute('href'); });
      Array.prototype.forEach.call(document.querySelectorAll('.controls button'), function (b) { b.disabled = true; });
      document.body.dataset.ended = 'true';
    }, 0);
  }
  if (sequenced) {
    settings.sequencing = {
      activityTree: boot.sequencing.activityTree,
      eventListeners: {
        onActivityDelivery: function (activity) {
          if (booting) deliveredDuringBoot = activity.id; else if (activity.id !== boot.current) deliver(activity.id);
        },
        onSequencingSessionEnd: function () {
          if (!booting) ended('You have left the course. Your progress is saved.');
        }
      }
    };
  }
  var api = is12 ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromJSON(boot.cmi, 'cmi');
  var status = document.getElementById('status');
  var finished = false;
  function wrapFinish(name) {
    var original = api[name].bind(api);
    api[name] = function (param) {
      clearTimeout(debounce);
      var result = original(param);
      finished = true;
      window.rollcallFinished = true;
      if (courseEnded) return result;
      status.textContent = boot.nextUrl && !sequenced ? 'Progress saved. ' : 'Progress saved. You can close this window.';
      if (boot.nextUrl && !sequenced) {
        var next = document.createElement('a');
        next.href = boot.nextUrl;
        next.textContent = 'Next part';
        next.style.color = 'inherit';
        status.appendChild(next);
      }
      window.rollcallFinished = true;
      return result;
    };
  }
  wrapFinish(is12 ? 'LMSFinish' : 'Terminate');
  // The bookmark and suspend data reach the server as soon as they change (debounced), not
  // only every few seconds: a tab closed right after a page turn loses nothing.
  var debounce = null;
  function commitSoon() {
    clearTimeout(debounce);
    debounce = setTimeout(function () {
      if (!finished && api.isInitialized()) api[is12 ? 'LMSCommit' : 'Commit']('');
    }, 400);
  }
  (is12 ? ['LMSSetValue.cmi.suspend_data', 'LMSSetValue.cmi.core.lesson_location', 'LMSSetValue.cmi.core.lesson_status']
        : ['SetValue.cmi.suspend_data', 'SetValue.cmi.location', 'SetValue.cmi.completion_status', 'SetValue.cmi.success_status'])
    .forEach(function (event) { api.on(event, commitSoon); });
  window.addEventListener('pagehide', function () {
    if (debounce && !finished && api.isInitialized()) { clearTimeout(debounce); api[is12 ? 'LMSCommit' : 'Commit'](''); }
  });

  // SCORM 2004 content may ask the LMS to move on (adl.nav.request continue/previous) when it ends.
  if (!is12 && typeof api.on === 'function') {
    api.on('SequenceNext', function () { if (boot.nextUrl) window.location.assign(boot.nextUrl); });
    api.on('SequencePrevious', function () { if (boot.previousUrl) window.location.assign(boot.previousUrl); });
  }
  var allowed = true;
  if (sequenced) {
    if (boot.sequencing.state) api.deserializeSequencingState(boot.sequencing.state);
    var seqState = api.getSequencingState();
    var at = seqState && seqState.currentActivity ? seqState.currentActivity.id : null;
    if (at && at !== boot.current && !boot.chosen && boot.scoUrls[at]) {
      // Launched without a choice: go on where the engine left off.
      window.location.replace(boot.scoUrls[at]);
      return;
    }
    if (at !== boot.current) {
      if (!boot.sequencing.state && !boot.chosen) {
        allowed = api.processNavigationRequest('start');
        if (allowed && deliveredDuringBoot && deliveredDuringBoot !== boot.current) {
          booting = false;
          deliver(deliveredDuringBoot);
          return;
        }
      } else {
        allowed = api.processNavigationRequest('choice', boot.current) && deliveredDuringBoot === boot.current;
      }
    }
    booting = false;
    if (allowed) saveSequencing();
    // Menu entries are choice requests the engine judges: a disabled or hidden item is refused.
    Array.prototype.forEach.call(document.querySelectorAll('nav a[data-sco]'), function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var id = link.getAttribute('data-sco');
        if (id === boot.current && allowed) return;
        if (!api.processNavigationRequest('choice', id)) {
          status.textContent = '\u201c' + link.textContent + '\u201d is not available now: the course\u2019s rules do not allow it yet.';
          document.body.dataset.refused = id;
        }
      });
    });
  }
  // Previous / Next follow the engine in a sequenced course, the package order otherwise;
  // Suspend keeps the attempt for later, Exit leaves normally. Both end this SCO's session first.
  function finishSco(exit) {
    if (finished || !api.isInitialized()) return;
    if (is12) { api.LMSSetValue('cmi.core.exit', exit === 'suspend' ? 'suspend' : ''); api.LMSFinish(''); }
    else { api.SetValue('cmi.exit', exit); api.Terminate(''); }
  }
  function move(request, url) {
    if (sequenced) {
      if (!api.processNavigationRequest(request)) status.textContent = 'There is nowhere to go that way now.';
    } else if (url) window.location.assign(url);
  }
  var previousButton = document.getElementById('previous');
  var nextButton = document.getElementById('next');
  if (!sequenced) { previousButton.disabled = !boot.previousUrl; nextButton.disabled = !boot.nextUrl; }
  previousButton.addEventListener('click', function () { move('previous', boot.previousUrl); });
  nextButton.addEventListener('click', function () { move('continue', boot.nextUrl); });
  document.getElementById('suspend').addEventListener('click', function () {
    finishSco('suspend');
    if (sequenced) api.processNavigationRequest('suspendAll');
    ended('Suspended. You can close this window; the course resumes here next time.');
  });
  document.getElementById('exit').addEventListener('click', function () {
    finishSco('normal');
    if (sequenced) api.processNavigationRequest('exitAll');
    ended('You have left the course. Your progress is saved.');
  });
  if (is12) window.API = api; else window.API_1484_11 = api;
  if (!allowed) {
    document.body.dataset.refused = boot.current;
    status.textContent = 'This part is not available now: the course\u2019s rules do not allow it yet.';
    return;
  }
  document.getElementById('sco').src = boot.contentUrl;
})();
</script>
</body>
</html>`;
}

/** A page with one message; `refusedSco` marks a part the course's rules refused (as the player does). */
export function renderMessagePage(title: string, message: string, refusedSco?: string): string {
  const refused = refusedSco ? ` data-refused="${escapeHtml(refusedSco)}"` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Rollcall</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style></head>
<body${refused}><h1>${escapeHtml(title)}</h1><p id="status">${escapeHtml(message)}</p></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON inside a <script> element: no "</script>" or "<!--" can close or confuse it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
