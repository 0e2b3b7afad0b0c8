/**
 * The scope of a figure: `national`, `local:<place>` or null (unstated).
 * "748 police injured in the city of Almaty" and "more than 1000 injured
 * nationwide" count different things; comparing them would report a false
 * conflict. Markers are data (`data/scope.json`).
 */
import SCOPE from '../data/scope.json';
import { normalizeWord } from '../numbers/normalize';

const national = SCOPE.national.map((p) => normalizeWord(p));
const localPrefixes = SCOPE.localPrefixes.map((p) => normalizeWord(p));

/** The scope stated in a clause, or null. A named place wins over a nationwide phrase in the same clause. */
export function scopeOf(clause: string): string | null {
  const text = ` ${normalizeWord(clause)} `;
  for (const prefix of localPrefixes) {
    const at = text.indexOf(` ${prefix} `);
    if (at < 0) continue;
    const place = text.slice(at + prefix.length + 2).split(/[\s,.،؛:()"“”«»]+/)[0];
    if (place) return `local:${place}`;
  }
  return national.some((p) => text.includes(` ${p} `) || text.includes(` ${p}`)) ? 'national' : null;
}
