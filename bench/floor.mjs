// The floor: the least any checker must do with the same files. Reads every
// .txt/.seed file under the given folders (UTF-8 decoding included) and makes
// one regex pass for numbers in the three digit scripts over each.
//
//   node bench/floor.mjs FOLDER...
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NUMBER = /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*/g;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(txt|seed)$/i.test(entry.name)) yield full;
  }
}

let count = 0;
let bytes = 0;
let documents = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of files(dir)) {
    const buffer = readFileSync(file);
    bytes += buffer.length;
    documents++;
    const text = buffer.toString('utf8');
    NUMBER.lastIndex = 0;
    while (NUMBER.exec(text)) count++;
  }
}
process.stdout.write(JSON.stringify({ documents, bytes, numbers: count }) + '\n');
