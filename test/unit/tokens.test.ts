// The tokenizer's shortcuts give what the plain definitions give: numbers read in the
// tokenizing pass, words shared by hash (with a collision), scopes read in place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scopeIn, scopeOf } from '../../server/src/core/claims/scope';
import { hashWord } from '../../server/src/core/numbers/normalize';
import { scanNumbers } from '../../server/src/core/numbers/scanner';
import { scanAndTokenize, tokenize } from '../../server/src/core/numbers/tokenizer';
import { TOKEN_WORD, type Token } from '../../server/src/core/numbers/tokens';

const fields = (t: Token) => [t.kind, t.start, t.end, t.hash, t.space, t.line, t.num?.start ?? -1, t.norm, t.mark];

describe('tokens', () => {
  it('reads the scanner numbers in the tokenizing pass', () => {
    const texts = [
      '5%6%7 و%8 ٪٩ و10٪ ثم 1.000.000 و0٫0.0 و1,5 و05.01.2022',
      'قتل 12 شخصا، وأصيب ٣٤٥ آخرون. %%5 5%% 1%2 ١٢٫٥٪ ٢٬٠٢٠ 20.000 1.500 مليون',
      '\ufeff٥\r\n%\n6',
    ];
    for (const text of texts) {
      for (const sparse of [false, true]) {
        const scanned: ReturnType<typeof scanNumbers> = [];
        const a = scanAndTokenize(text, scanned, undefined, sparse).map(fields);
        const numbers = scanNumbers(text);
        assert.deepEqual(scanned, numbers);
        assert.deepEqual(a, tokenize(text, numbers, undefined, sparse).map(fields));
      }
    }
  });

  it('keeps words apart whose hashes are the same', () => {
    const [a, b] = ['مزرثحش', 'اسغونو'];
    assert.equal(hashWord(a), hashWord(b));
    const tokens = tokenize(`${a} ${b} ${a}`, []).filter((t) => t.kind === TOKEN_WORD);
    assert.deepEqual(tokens.map((t) => t.norm), [a, b, a]);
    assert.equal(tokens[0].word, tokens[2].word);
    assert.notEqual(tokens[0].word, tokens[1].word);
  });

  it('reads a scope in place as from the clause', () => {
    const text = 'قال مسؤولون  في مدينة ألماتي، إن 748 شرطيا أصيبوا في جميع أنحاء البلاد in the city of Almaty nationwide';
    for (let start = 0; start < text.length; start += 3) {
      for (let end = start; end <= text.length; end += 5) assert.deepEqual(scopeIn(text, start, end), scopeOf(text.slice(start, end)));
    }
  });
});
