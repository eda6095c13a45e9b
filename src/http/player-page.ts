/**
 * The SCORM player page: scorm-again's runtime as window.API (1.2) or window.API_1484_11
 * (2004), loaded with the attempt's saved state, committing to /scorm/commit/<token>/<scoId>,
 * and the SCO in an iframe. Multi-SCO packages get a list of their SCOs to move between.
 */
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
  };
  const nav =
    view.scos.length > 1
      ? `<nav aria-label="Course parts"><ol>${view.scos
          .map(
            (s) =>
              `<li><a href="/scorm/launch/${token}?sco=${encodeURIComponent(s.id)}"${s.id === view.current.id ? ' aria-current="page"' : ''} data-sco="${escapeHtml(s.identifier)}">${escapeHtml(s.title)}</a> <small>${escapeHtml(s.status.replace('_', ' '))}</small></li>`,
          )
          .join('')}</ol></nav>`
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
  iframe { flex: 1; border: 0; width: 100%; height: 100%; }
</style>
<script src="/scorm/runtime/${is12 ? 'scorm12' : 'scorm2004'}.min.js"></script>
</head>
<body>
<header><h1>${escapeHtml(view.courseTitle)}</h1><span id="status" role="status">${escapeHtml(view.current.title)}</span></header>
<main>${nav}<iframe id="sco" title="${escapeHtml(view.current.title)}"></iframe></main>
<script id="rollcall-boot" type="application/json">${jsonForScript(boot)}</script>
<script>
(function () {
  var boot = JSON.parse(document.getElementById('rollcall-boot').textContent);
  var is12 = boot.version === 'scorm12';
  var settings = {
    lmsCommitUrl: boot.commitUrl,
    autocommit: true,
    autocommitSeconds: 5,
    includeCommitSequence: true,
    terminateCommitParam: 'terminate',
    logLevel: 4,
    requestHandler: function (commit, meta) {
      // Numbers continue above the previous session's, so its late commits are stale.
      if (meta && typeof meta.sequence === 'number' && commit && typeof commit === 'object') {
        commit.commitSequence = boot.sequenceBase + meta.sequence;
      }
      // The final commit goes by sendBeacon, which Chromium caps at 64 KiB. Terminate first
      // commits synchronously (below), so an oversized beacon may leave out the big parts.
      if (!meta || !meta.isTerminateCommit || !commit || !commit.cmi) return commit;
      if (new Blob([JSON.stringify(commit)]).size <= boot.beaconBudget) return commit;
      var slim = JSON.parse(JSON.stringify(commit));
      slim.omitted = [];
      ['suspend_data', 'interactions'].forEach(function (key) {
        if (key in slim.cmi) { delete slim.cmi[key]; slim.omitted.push(key); }
      });
      return slim;
    }
  };
  var api = is12 ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromJSON(boot.cmi, 'cmi');
  var status = document.getElementById('status');
  function wrapFinish(name, commitName) {
    var original = api[name].bind(api);
    api[name] = function (param) {
      try { api[commitName](''); } catch (e) { /* a failed sync commit still leaves the beacon */ }
      var result = original(param);
      status.textContent = boot.nextUrl ? 'Progress saved. ' : 'Progress saved. You can close this window.';
      if (boot.nextUrl) {
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
  wrapFinish(is12 ? 'LMSFinish' : 'Terminate', is12 ? 'LMSCommit' : 'Commit');
  // SCORM 2004 content may ask the LMS to move on (adl.nav.request continue/previous) when it ends.
  if (!is12 && typeof api.on === 'function') {
    api.on('SequenceNext', function () { if (boot.nextUrl) window.location.assign(boot.nextUrl); });
    api.on('SequencePrevious', function () { if (boot.previousUrl) window.location.assign(boot.previousUrl); });
  }
  if (is12) window.API = api; else window.API_1484_11 = api;
  document.getElementById('sco').src = boot.contentUrl;
})();
</script>
</body>
</html>`;
}

export function renderMessagePage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Rollcall</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
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
