import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { settings } from '../support/closure-fixtures.js';

const { messages } = loadClosureModules();

const message = {
  level: 'error' as const,
  title: 'Closeloop: INC1 cannot be resolved yet',
  items: ['Supply air <b>29.4 °C</b> & rising', "Leak 'zone B'"],
  link: { label: 'See why', url: 'https://c.example/console/events/a%2Fb?x="y"' },
  footer: ['Use the override.'],
};

describe('plugin closure/messages', () => {
  it('renders HTML with every connector-supplied text escaped', () => {
    expect(messages.renderHtml(message)).to.equal(
      '<p><strong>Closeloop: INC1 cannot be resolved yet</strong></p>' +
        '<ul><li>Supply air &lt;b&gt;29.4 °C&lt;/b&gt; &amp; rising</li><li>Leak &#39;zone B&#39;</li></ul>' +
        '<p><a href="https://c.example/console/events/a%2Fb?x=&quot;y&quot;" target="_blank" rel="noopener noreferrer">See why</a></p>' +
        '<p>Use the override.</p>',
    );
  });

  it('renders plain text for the audit row', () => {
    expect(messages.renderText(message)).to.equal(
      [
        'Closeloop: INC1 cannot be resolved yet',
        '- Supply air <b>29.4 °C</b> & rising',
        "- Leak 'zone B'",
        'See why: https://c.example/console/events/a%2Fb?x="y"',
        'Use the override.',
      ].join('\n'),
    );
  });

  it('links to <connector>/console/events/<correlation_id>, encoded', () => {
    expect(messages.eventLink(settings(), 'dc1/hall a')).to.equal(
      'https://closeloop.dc1.example.com:8080/console/events/dc1%2Fhall%20a',
    );
    expect(messages.eventLink(settings({ connectorUrl: '' }), 'k')).to.equal(null);
    expect(messages.eventLink(settings(), '')).to.equal(null);
  });

  it('orders unconfirmed checks: failing first, then unknown; passing ones left out', () => {
    const checks = [
      { name: 'a', status: 'unknown', observed: '', expected: '', window: '', message: 'a' },
      { name: 'b', status: 'pass', observed: '', expected: '', window: '', message: 'b' },
      { name: 'c', status: 'fail', observed: '', expected: '', window: '', message: 'c' },
    ];
    expect(messages.unconfirmedChecks(checks).map((c) => c.name)).to.deep.equal(['c', 'a']);
  });
});
