import { expect } from 'chai';
import { checkTemplate, renderTemplate, templateVariables } from '../../../connector/src/mapping/template.js';

describe('mapping/template', () => {
  const ctx = {
    'asset.rack': 'R03',
    'alarm.value': '29.4',
    'labels.gpu': '5',
    'topology.cooling_zone': 'ZONE-A1',
  };

  it('renders variables without HTML escaping (ServiceNow fields are plain text)', () => {
    const r = renderTemplate('{{asset.rack}} <b>&"{{alarm.value}}"', ctx);
    expect(r).to.deep.equal({ ok: true, value: 'R03 <b>&"29.4"' });
    expect(renderTemplate('{{labels.x}}', { 'labels.x': 'a&b<c>' })).to.deep.equal({
      ok: true,
      value: 'a&b<c>',
    });
  });

  it('is strict: a variable that is not set for the alarm is an error, not a blank', () => {
    const r = renderTemplate('GPU {{labels.gpu}} on {{labels.Hostname}}', ctx);
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.error).to.include('{{labels.Hostname}} is not set');
      expect(r.error).to.include('{{#labels.Hostname}}');
    }
  });

  it('sections make content optional, inverted sections render when unset', () => {
    const t =
      '{{#labels.gpu}}GPU {{labels.gpu}}{{/labels.gpu}}{{#labels.xid}} XID {{labels.xid}}{{/labels.xid}}{{^labels.xid}} no XID{{/labels.xid}}';
    expect(renderTemplate(t, ctx)).to.deep.equal({ ok: true, value: 'GPU 5 no XID' });
    expect(renderTemplate(t, { ...ctx, 'labels.xid': '79' })).to.deep.equal({
      ok: true,
      value: 'GPU 5 XID 79',
    });
    expect(renderTemplate('{{#labels.gpu}}[{{.}}]{{/labels.gpu}}', ctx)).to.deep.equal({
      ok: true,
      value: '[5]',
    });
  });

  it('treats "0" as set (values are strings, so a zero reading still renders)', () => {
    expect(
      renderTemplate('{{#alarm.value}}v={{alarm.value}}{{/alarm.value}}', { 'alarm.value': '0' }),
    ).to.deep.equal({
      ok: true,
      value: 'v=0',
    });
  });

  it('accepts a Map context (what the planner builds)', () => {
    expect(renderTemplate('{{asset.rack}}', new Map([['asset.rack', 'R01']]))).to.deep.equal({
      ok: true,
      value: 'R01',
    });
  });

  it('validation knows the variable set and suggests the closest name', () => {
    expect(
      checkTemplate('{{asset.rack}} {{topology.cooling_zone}} {{alarm.value}} {{labels.gpu}} {{rule.name}}'),
    ).to.deep.equal([]);
    expect(checkTemplate('{{asset.rak}}')).to.deep.equal([
      'unknown variable {{asset.rak}} (did you mean {{asset.rack}}?)',
    ]);
    expect(checkTemplate('{{alarm.cooling_zone}}')[0]).to.include('did you mean {{topology.cooling_zone}}');
    expect(checkTemplate('{{#foo}}x{{/foo}}')[0]).to.match(/^unknown variable \{\{foo\}\}/);
    expect(checkTemplate('{{labels.}}')[0]).to.match(/^unknown variable/);
  });

  it('rejects partials, stray {{.}} and syntax errors', () => {
    expect(checkTemplate('{{> header}}')).to.deep.equal(['{{> header}}: partials are not supported']);
    expect(checkTemplate('{{.}}')).to.deep.equal(['{{.}} is only meaningful inside a section']);
    expect(checkTemplate('{{#labels.gpu}}x')[0]).to.match(/^template syntax: Unclosed section "labels.gpu"/);
    expect(checkTemplate('{{asset.rack')[0]).to.match(/^template syntax: Unclosed tag/);
    const r = renderTemplate('{{#a}}', {});
    expect(r.ok).to.equal(false);
  });

  it('lists the variables a template refers to', () => {
    expect(
      templateVariables('{{#labels.gpu}}{{labels.gpu}}{{/labels.gpu}} {{asset.rack}}').sort(),
    ).to.deep.equal(['asset.rack', 'labels.gpu']);
  });

  it('cannot execute code: lambdas do not exist, values are inert strings', () => {
    const r = renderTemplate('{{labels.x}}', { 'labels.x': '{{asset.rack}}' });
    expect(r).to.deep.equal({ ok: true, value: '{{asset.rack}}' });
  });
});
