import { describe, expect, it } from 'vitest';
import { renderPlayerPage } from '../../../src/http/player-page.ts';

const view = (title: string, scos = 1) => ({
  kind: 'ready' as const,
  version: 'scorm2004' as const,
  attemptId: 'a',
  courseTitle: title,
  learnerName: 'L',
  scos: Array.from({ length: scos }, (_, i) => ({
    id: `id${i}`,
    identifier: `s${i}`,
    title: `Part <${i}>`,
    launchHref: `p${i}/index.html`,
    status: 'not_attempted',
    statusText: 'Not started',
  })),
  current: {
    id: 'id0',
    identifier: 's0',
    title: 'Part <0>',
    launchHref: 'p0/index.html',
    status: 'not_attempted',
    statusText: 'Not started',
  },
  initialCmi: { suspend_data: '</script><script>alert(1)</script><!--' },
  sequenceBase: 100_000,
  sequencing: null,
  chosen: false,
  review: false,
  toc: [],
});

describe('renderPlayerPage', () => {
  it('escapes titles and keeps saved state from closing its script element', () => {
    const html = renderPlayerPage('tok', view('<img src=x onerror=alert(1)>'));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // Only our own three script elements close.
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const boot = JSON.parse(
      /<script id="rollcall-boot" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!,
    );
    expect(boot.cmi.suspend_data).toBe('</script><script>alert(1)</script><!--');
    expect(boot).toMatchObject({
      commitUrl: '/scorm/commit/tok/id0',
      contentUrl: '/scorm/content/tok/p0/index.html',
      sequenceBase: 100_000,
    });
    expect(html).toContain('/scorm/runtime/scorm2004.min.js');
    expect(html).not.toContain('<nav');
  });

  it('lists the SCOs of a multi-SCO package for navigation', () => {
    const html = renderPlayerPage('tok', view('Course', 3));
    expect(html).toContain('<nav');
    expect(html.match(/href="\/scorm\/launch\/tok\?sco=id\d"/g)).toHaveLength(3);
    expect(html).toContain('aria-current="page"');
  });
});
