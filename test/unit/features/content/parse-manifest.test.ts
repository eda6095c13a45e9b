import { describe, expect, it } from 'vitest';
import { appendParameters, parseManifest } from '../../../../src/features/content/parse-manifest.ts';

const manifest12 = (body: string, extra = '') => `<?xml version="1.0"?>
<manifest identifier="m1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" ${extra}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  ${body}
</manifest>`;

describe('parseManifest', () => {
  it('reads SCORM 1.2: default organization, nested items, xml:base, parameters, mastery score', () => {
    const parsed = parseManifest(
      manifest12(`
  <organizations default="b">
    <organization identifier="a"><title>Not this</title><item identifier="x" identifierref="r1"><title>X</title></item></organization>
    <organization identifier="b"><title>Safety</title>
      <item identifier="module"><title>Module</title>
        <item identifier="s1" identifierref="r1" parameters="?lang=en"><title>One</title><adlcp:masteryscore>80</adlcp:masteryscore><adlcp:datafromlms>hello</adlcp:datafromlms></item>
        <item identifier="s2" identifierref="r2" parameters="page=2"><title>Two</title></item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" xml:base="one/" href="index.html?mode=x"/>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="asset" href="two.html"/>
  </resources>`),
    );
    expect(parsed.version).toBe('scorm12');
    expect(parsed.title).toBe('Safety');
    expect(parsed.organizationIdentifier).toBe('b');
    expect(parsed.scos).toMatchObject([
      {
        identifier: 's1',
        title: 'One',
        launchHref: 'content/one/index.html?mode=x&lang=en',
        launchFile: 'content/one/index.html',
        masteryScore: 80,
        launchData: 'hello',
        scormType: 'sco',
      },
      {
        identifier: 's2',
        title: 'Two',
        launchHref: 'content/two.html?page=2',
        scormType: 'asset',
        masteryScore: null,
      },
    ]);
  });

  it('reads SCORM 2004: version, scaled passing score and completion threshold', () => {
    const parsed = parseManifest(`<?xml version="1.0"?>
<manifest identifier="m2" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>GDPR</title>
    <item identifier="i" identifierref="r"><title>GDPR</title>
      <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75"/>
      <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>
    </item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
</manifest>`);
    expect(parsed.version).toBe('scorm2004');
    expect(parsed.scos[0]).toMatchObject({ scaledPassingScore: 0.8, completionThreshold: 0.75 });
  });

  it('detects 2004 from namespaces when schemaversion is missing', () => {
    const parsed = parseManifest(`<manifest identifier="m" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <organizations><organization identifier="o"><item identifier="i" identifierref="r"><title>T</title></item></organization></organizations>
  <resources><resource identifier="r" href="a.html"/></resources></manifest>`);
    expect(parsed.version).toBe('scorm2004');
  });

  it('gives clear errors for a missing organization, an unknown resource and an escaping launch', () => {
    expect(() => parseManifest(manifest12('<organizations/><resources/>'))).toThrow(/no <organization>/);
    // A default naming no organization falls back to the first (as Moodle does).
    expect(
      parseManifest(
        manifest12(
          `<organizations default="z"><organization identifier="o"><title>O</title><item identifier="i" identifierref="r"><title>I</title></item></organization></organizations><resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="i.html"/></resources>`,
        ),
      ),
    ).toMatchObject({ organizationIdentifier: 'o', scos: [{ identifier: 'i' }] });
    expect(() =>
      parseManifest(
        manifest12(
          `<organizations><organization identifier="o"><item identifier="i" identifierref="nope"><title>T</title></item></organization></organizations><resources/>`,
        ),
      ),
    ).toThrow(/resource "nope" that is not in <resources>/);
    expect(() =>
      parseManifest(
        manifest12(
          `<organizations><organization identifier="o"><item identifier="i" identifierref="r"/></organization></organizations><resources><resource identifier="r" href="../../etc/passwd"/></resources>`,
        ),
      ),
    ).toThrow(/outside the package/);
    expect(() =>
      parseManifest(
        manifest12(
          `<organizations><organization identifier="o"><item identifier="i" identifierref="r"/></organization></organizations><resources><resource identifier="r" href="https://evil.example/x"/></resources>`,
        ),
      ),
    ).toThrow(/outside the package/);
    expect(() => parseManifest('<not-xml')).toThrow(/imsmanifest.xml/);
  });

  it('joins item parameters per IMS CP', () => {
    expect(appendParameters('a.html', '?x=1')).toBe('a.html?x=1');
    expect(appendParameters('a.html?y=2', '&x=1')).toBe('a.html?y=2&x=1');
    expect(appendParameters('a.html', '#frag')).toBe('a.html#frag');
    expect(appendParameters('a.html', null)).toBe('a.html');
  });
});
