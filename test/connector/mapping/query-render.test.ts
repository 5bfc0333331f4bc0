// Rendering close-check queries per query language: where a value lands decides how it is escaped,
// and a value that cannot be data there is refused (the check is then never run).
import { expect } from 'chai';
import { inferQueryLanguage, type QueryLanguage } from '../../../connector/src/mapping/query/language.js';
import { queryTemplateWarnings, renderQuery } from '../../../connector/src/mapping/query/render-query.js';

const render = (language: QueryLanguage, template: string, vars: Record<string, string>) =>
  renderQuery(template, new Map(Object.entries(vars)), language);
const value = (language: QueryLanguage, template: string, x: string): string => {
  const r = render(language, template, { 'labels.x': x });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const refusal = (language: QueryLanguage, template: string, x: string): string => {
  const r = render(language, template, { 'labels.x': x });
  if (r.ok) throw new Error(`expected a refusal, rendered ${r.value}`);
  expect(r.refused, r.error).to.equal(true);
  return r.error;
};

describe('mapping/query: rendering per query language', () => {
  describe('PromQL', () => {
    const sel = 'm{host="{{labels.x}}"}';

    it('escapes a label value per PromQL string rules, whatever it holds', () => {
      expect(value('promql', sel, 'gpu-r03-01')).to.equal('m{host="gpu-r03-01"}');
      expect(value('promql', sel, 'x",gpu="4"} or vector(0) or y{a="')).to.equal(
        'm{host="x\\",gpu=\\"4\\"} or vector(0) or y{a=\\""}',
      );
      expect(value('promql', sel, 'a\\b')).to.equal('m{host="a\\\\b"}');
      expect(value('promql', sel, 'a\nb\r\tc\u0000\u001b\u007f')).to.equal(
        'm{host="a\\nb\\r\\tc\\x00\\x1b\\x7f"}',
      );
      expect(value('promql', sel, "it's")).to.equal('m{host="it\'s"}');
      expect(value('promql', 'm{host!="{{labels.x}}"}', 'a"b')).to.equal('m{host!="a\\"b"}');
      expect(value('promql', "m{host='{{labels.x}}'}", `a'b"c`)).to.equal(`m{host='a\\'b"c'}`);
      expect(value('promql', sel, 'Ünïcødé ✓')).to.equal('m{host="Ünïcødé ✓"}');
    });

    it('quotes regex metacharacters for =~ and !~ so the value matches only itself', () => {
      expect(value('promql', 'm{host=~"{{labels.x}}"}', '.*')).to.equal('m{host=~"\\\\.\\\\*"}');
      expect(value('promql', 'm{host!~"{{labels.x}}"}', 'a|b')).to.equal('m{host!~"a\\\\|b"}');
      expect(value('promql', 'm{host=~"{{labels.x}}-[0-9]+"}', 'gpu(1)')).to.equal(
        'm{host=~"gpu\\\\(1\\\\)-[0-9]+"}',
      );
      expect(value('promql', 'm{host=~`{{labels.x}}`}', 'a.b')).to.equal('m{host=~`a\\.b`}');
    });

    it('refuses what a raw string cannot hold, lone surrogates, and values after a backslash', () => {
      expect(refusal('promql', 'm{host=`{{labels.x}}`}', 'a`} or vector(0)')).to.match(/backtick/);
      expect(refusal('promql', sel, 'a\ud800')).to.match(/not valid Unicode/);
      expect(refusal('promql', 'm{host="\\{{labels.x}}"}', 'n')).to.match(/follows a backslash/);
    });

    it('refuses an empty value in a label matcher: `label=""` selects the series WITHOUT that label', () => {
      for (const t of [
        sel,
        "m{host='{{labels.x}}'}",
        'm{host!="{{labels.x}}"}',
        'm{host=~"{{labels.x}}"}',
        'm{host!~"{{labels.x}}"}',
        'm{host=`{{labels.x}}`}',
      ])
        expect(refusal('promql', t, '')).to.match(/is empty; in a label matcher/);
      // Part of a longer literal, or in a string that is not a matcher value: still refused / still data.
      refusal('promql', 'm{host="{{labels.x}}-bmc"}', '');
      expect(value('promql', 'label_replace(m, "dst", "{{labels.x}}", "src", ".*")', '')).to.equal(
        'label_replace(m, "dst", "", "src", ".*")',
      );
    });

    it('escapes U+FFFD, which Prometheus takes for broken UTF-8 and refuses the query over', () => {
      expect(value('promql', sel, 'a\ufffdb')).to.equal('m{host="a\\ufffdb"}');
      expect(value('promql', 'm{host=~"{{labels.x}}"}', '\ufffd')).to.equal('m{host=~"\\ufffd"}');
      expect(refusal('promql', 'm{host=`{{labels.x}}`}', 'a\ufffd')).to.match(/U\+FFFD/);
    });

    it('outside a quoted value accepts only a plain number or duration', () => {
      expect(value('promql', 'm > {{labels.x}}', '27.5')).to.equal('m > 27.5');
      expect(value('promql', 'max_over_time(m[{{labels.x}}])', '5m')).to.equal('max_over_time(m[5m])');
      expect(value('promql', 'm > {{labels.x}}', '-1e3')).to.equal('m > -1e3');
      const e = refusal('promql', 'm > {{labels.x}}', '0 or vector(0)');
      expect(e).to.equal(
        'unsafe value for a PromQL query: {{labels.x}} = "0 or vector(0)": would be PromQL syntax here (outside a quoted label value); only a plain number or duration is accepted in that place',
      );
      refusal('promql', 'm{ {{labels.x}}="1"}', 'host');
      refusal('promql', '{{labels.x}}', 'up');
    });

    it('a string that is not a matcher value is still escaped as a string', () => {
      expect(value('promql', 'label_replace(m, "dst", "{{labels.x}}", "src", ".*")', 'a"b')).to.equal(
        'label_replace(m, "dst", "a\\"b", "src", ".*")',
      );
      // `==` is a comparison, not a matcher: whatever follows is not a label value.
      refusal('promql', 'm == {{labels.x}}', 'x');
    });

    it('a comment may hold a value, but not a line break that would end it', () => {
      expect(value('promql', 'm # for {{labels.x}}', 'CRAH-1')).to.equal('m # for CRAH-1');
      refusal('promql', 'm # for {{labels.x}}', 'x\nor vector(0)');
    });

    it('values rendered by sections are escaped by where they land', () => {
      const t = 'm{a="1"{{#labels.x}},host="{{labels.x}}"{{/labels.x}}}';
      expect(value('promql', t, 'q"')).to.equal('m{a="1",host="q\\""}');
      expect(render('promql', t, {})).to.deep.equal({ ok: true, value: 'm{a="1"}' });
    });

    it('an unset variable is still a template error, not a refusal', () => {
      const r = render('promql', sel, {});
      expect(r.ok).to.equal(false);
      if (!r.ok) {
        expect(r.refused).to.equal(undefined);
        expect(r.error).to.match(/\{\{labels\.x\}\} is not set/);
      }
    });
  });

  describe('Redfish', () => {
    const uri = '/redfish/v1/Chassis/{{labels.x}}/Sensors/SecondaryFlow';

    it('percent-encodes a value as (part of) one path segment', () => {
      expect(value('redfish', uri, 'CDU 1')).to.equal('/redfish/v1/Chassis/CDU%201/Sensors/SecondaryFlow');
      expect(value('redfish', uri, 'a?b#c%2F')).to.equal(
        '/redfish/v1/Chassis/a%3Fb%23c%252F/Sensors/SecondaryFlow',
      );
      expect(value('redfish', '/redfish/v1/Chassis/CDU-{{labels.x}}', '1')).to.equal(
        '/redfish/v1/Chassis/CDU-1',
      );
    });

    it('refuses separators, dot segments and empty segments', () => {
      expect(refusal('redfish', uri, 'CDU/Sensors/PrimaryFlow')).to.match(/holds "\/" or "\\"/);
      refusal('redfish', uri, 'a\\b');
      refusal('redfish', uri, '..');
      refusal('redfish', uri, '.');
      refusal('redfish', uri, '');
      // The rendered URI as a whole is checked too (here a dot segment written in the template itself).
      expect(refusal('redfish', '/redfish/v1/Chassis/{{labels.x}}/../Managers', 'CDU')).to.match(
        /"\." or "\.\." segment/,
      );
    });

    it('in the property path a value is one property name', () => {
      const prop = '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow#{{labels.x}}';
      expect(value('redfish', prop, 'Reading')).to.equal(
        '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow#Reading',
      );
      refusal('redfish', prop, 'Status.Health');
      refusal('redfish', prop, 'a/b');
      refusal('redfish', prop, '');
    });

    it('in the query string a value is percent-encoded', () => {
      expect(value('redfish', '/redfish/v1/Chassis?$filter={{labels.x}}', 'a&b=c')).to.equal(
        '/redfish/v1/Chassis?$filter=a%26b%3Dc',
      );
    });
  });

  describe('MQTT', () => {
    const topic = 'dc1/{{labels.x}}/leak';

    it('places a value in one topic level', () => {
      expect(value('mqtt', topic, 'R11')).to.equal('dc1/R11/leak');
      expect(value('mqtt', topic, 'rack 11 ✓')).to.equal('dc1/rack 11 ✓/leak');
    });

    it('refuses wildcards, level separators, NUL and a leading "$"', () => {
      for (const bad of ['+', '#', 'R11/x', 'a+b', 'R11\u0000']) refusal('mqtt', topic, bad);
      expect(refusal('mqtt', '{{labels.x}}/leak', '$SYS')).to.match(/broker's own topics/);
      expect(value('mqtt', 'dc1/{{labels.x}}', '$x')).to.equal('dc1/$x');
    });

    it('a Sparkplug metric name may hold "/" and "#", not NUL, and is not empty', () => {
      const metric = 'spBv1.0/dc1/NDATA/cdu-1#{{labels.x}}';
      expect(value('mqtt', metric, 'Secondary/Flow #2')).to.equal(
        'spBv1.0/dc1/NDATA/cdu-1#Secondary/Flow #2',
      );
      refusal('mqtt', metric, 'a\u0000b');
      refusal('mqtt', metric, '');
    });
  });

  describe('validation warnings', () => {
    it('PromQL: templates outside a quoted label matcher value', () => {
      expect(queryTemplateWarnings('m{a="{{labels.x}}",b=~"{{labels.y}}"}', 'promql')).to.deep.equal([]);
      const [bare, other, comment] = [
        queryTemplateWarnings('m > {{alarm.limit}}', 'promql'),
        queryTemplateWarnings('label_replace(m, "d", "{{labels.x}}", "s", "")', 'promql'),
        queryTemplateWarnings('m # {{labels.x}}', 'promql'),
      ];
      expect(bare).to.have.length(1);
      expect(bare[0]).to.match(/^\{\{alarm\.limit\}\} is outside a quoted label value/);
      expect(other[0]).to.match(/not a label matcher value/);
      expect(comment[0]).to.match(/comment/);
      // A template inside a section is judged where the section puts it.
      expect(
        queryTemplateWarnings('m{a="1"{{#labels.x}},b="{{labels.x}}"{{/labels.x}}}', 'promql'),
      ).to.deep.equal([]);
    });

    it('Redfish: a template that would choose the service root', () => {
      expect(queryTemplateWarnings('/redfish/v1/Chassis/{{labels.x}}#Reading', 'redfish')).to.deep.equal([]);
      expect(queryTemplateWarnings('{{labels.x}}/Sensors', 'redfish')[0]).to.match(/before the URI reaches/);
    });

    it('MQTT: a template filling topic levels is fine, except in the first level', () => {
      expect(queryTemplateWarnings('dc1/{{labels.x}}/leak', 'mqtt')).to.deep.equal([]);
      expect(queryTemplateWarnings('spBv1.0/dc1/NDATA/cdu-1#{{labels.x}}', 'mqtt')).to.deep.equal([]);
      expect(queryTemplateWarnings('{{labels.x}}/leak', 'mqtt')[0]).to.match(/first topic level/);
    });
  });

  it('without closeloop.yaml the language is read off the query', () => {
    expect(inferQueryLanguage('/redfish/v1/Chassis/{{asset.equipment_id}}#Reading')).to.equal('redfish');
    expect(inferQueryLanguage('m{a="{{labels.x}}"}')).to.equal('promql');
    expect(inferQueryLanguage('max(m)')).to.equal('promql');
    expect(inferQueryLanguage('dc1/{{topology.room}}/{{topology.rack}}/leak')).to.equal('mqtt');
    expect(inferQueryLanguage('up')).to.equal('promql');
  });
});
