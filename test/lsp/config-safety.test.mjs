// Issue 11 in the server: a `.corpuslens.json` whose user patterns backtrack
// catastrophically (item 8) froze the whole server; patterns that cannot be
// run safely and keys that are not settings (item 21) are logged, not
// silently dropped. Waits are on messages, with the harness's timeout.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { seedWorkspace, startServer, uriOf } from './harness.mjs';

const ARTICLE = 'عنوان الخبر هنا\n\nفقرة أولى طويلة من نص المقال تتحدث عن الأحداث الجارية في البلاد.\n\n';

describe('settings file safety (issue 11)', () => {
  it('item 8: the server stays responsive with catastrophic user patterns, and logs the ones it refuses', { timeout: 20000 }, async () => {
    const folder = seedWorkspace();
    writeFileSync(
      join(folder, '.corpuslens.json'),
      JSON.stringify({ boilerplate: { patterns: ['(a+)+$', '(a)\\1'], allowlist: ['^(\\w+\\s?)+$'], paterns: [] } }),
    );
    const server = await startServer({ folder });
    let stopped = false;
    try {
      const uri = uriOf(join(folder, 'seeds', 'redos.txt'));
      const since = server.events.length;
      const text = `${ARTICLE}${'a'.repeat(34)}!\n\nقال aaa\n`;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
      const diagnostics = await server.diagnostics(uri, { version: 1, since });
      assert.deepEqual(diagnostics.filter((d) => d.code === 'boilerplate/user-pattern').map((d) => d.range.start.line), [6]);
      const warnings = server.events.filter((e) => e.method === 'window/logMessage' && e.params.type === 2).map((e) => e.params.message);
      assert.ok(warnings.some((m) => /^corpusLens\.boilerplate\.patterns\[1\]: "\(a\)\\\\1" uses a back-reference/.test(m)), warnings.join('\n'));
      assert.ok(warnings.some((m) => m.endsWith(':1: "boilerplate.paterns" is not a setting (did you mean "boilerplate.patterns"?); ignored')), warnings.join('\n'));
      assert.equal(await server.stop(), 0);
      stopped = true;
    } finally {
      if (!stopped) server.child.kill();
    }
  });
});
