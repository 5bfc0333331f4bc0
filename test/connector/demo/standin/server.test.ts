import { expect } from 'chai';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from './helpers.js';

describe('stand-in server options', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'standin-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps records, journal and the number counter across restarts with a snapshot file', async () => {
    const file = join(dir, 'instance.json');
    const first = await startHarness({ snapshotFile: file });
    const created = await first.http.post('/api/now/table/incident', {
      short_description: 'persisted',
      work_notes: 'kept',
    });
    expect(created.data.result.number).to.equal('INC0010001');
    await first.standin.close();
    expect(existsSync(file)).to.equal(true);

    const second = await startHarness({ snapshotFile: file });
    try {
      const id = String(created.data.result.sys_id);
      expect(second.standin.tables.get('incident', id)?.short_description).to.equal('persisted');
      expect(second.standin.tables.journal('incident', id).map((e) => e.value)).to.deep.equal(['kept']);
      const next = await second.http.post('/api/now/table/incident', { short_description: 'next' });
      expect(next.data.result.number).to.equal('INC0010002');
    } finally {
      await second.standin.close();
    }
  });

  it('seed: false leaves out the demo groups and CIs but keeps dictionary, choices and properties; properties option applies', async () => {
    const h = await startHarness({
      seed: false,
      properties: { 'x_closeloop.connector.url': 'http://127.0.0.1:8080' },
    });
    try {
      expect(h.standin.tables.list('cmdb_ci')).to.have.length(0);
      expect(h.standin.tables.list('sys_user_group')).to.have.length(0);
      expect(h.standin.tables.list('sys_choice', 'element=close_code').length).to.be.greaterThan(0);
      expect(h.standin.properties.get('x_closeloop.connector.url')).to.equal('http://127.0.0.1:8080');
      expect(h.standin.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await h.standin.close();
    }
  });
});
