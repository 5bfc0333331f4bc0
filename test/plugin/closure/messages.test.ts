import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';

const { messages } = loadClosureModules();

const message = {
  level: 'error' as const,
  title: 'Closeloop: INC1 cannot be resolved yet',
  items: ['Supply air <b>29.4 °C</b> & rising > 27 °C', "Leak 'zone B'"],
  link: { label: 'See why', url: 'https://c.example/console/events/a%2Fb' },
  footer: ['Use the override.'],
};

describe('plugin closure/messages', () => {
  it('renders plain text for the audit row, several lines, no markup', () => {
    expect(messages.renderText(message)).to.equal(
      [
        'Closeloop: INC1 cannot be resolved yet',
        '- Supply air ‹b>29.4 °C‹/b> & rising > 27 °C',
        "- Leak 'zone B'",
        'See why: https://c.example/console/events/a%2Fb',
        'Use the override.',
      ].join('\n'),
    );
  });

  it('renders one plain line for form and Workspace messages and Table API errors', () => {
    const line = messages.renderInline(message);
    expect(line).to.equal(
      "Closeloop: INC1 cannot be resolved yet • Supply air ‹b>29.4 °C‹/b> & rising > 27 °C • Leak 'zone B' See why: https://c.example/console/events/a%2Fb Use the override.",
    );
    expect(line).not.to.match(/<|\n/);
  });

  it('safeText leaves nothing a renderer could take for a tag, and comparisons as they are', () => {
    expect(messages.safeText('<script>alert(1)</script> <!-- x --> <?php')).to.equal('‹script>alert(1)‹/script> ‹!-- x --> ‹?php');
    expect(messages.safeText('flow 24.8 L/min < 30 L/min, 29 °C > 27 °C, a<b')).to.equal('flow 24.8 L/min < 30 L/min, 29 °C > 27 °C, a‹b');
  });

  it('links to <connector>/console/events/<correlation_id>, encoded', () => {
    expect(messages.eventLink('https://closeloop.dc1.example.com:8080', 'dc1/hall a')).to.equal(
      'https://closeloop.dc1.example.com:8080/console/events/dc1%2Fhall%20a',
    );
    expect(messages.eventLink('', 'k')).to.equal(null);
    expect(messages.eventLink('https://c', '')).to.equal(null);
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
