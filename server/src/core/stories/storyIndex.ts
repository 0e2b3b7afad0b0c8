/**
 * Stories: the corpus's documents grouped by the incident they report, so
 * that figures are compared only within one story (two plane crashes weeks
 * apart both report "killed/people"). Two documents are linked when their
 * TF-IDF vectors are close (they share rare names and terms) and their days,
 * when both have some, are close; a story is a connected group of linked
 * documents, named by its first document (the smallest URI), so its id
 * stays put while documents come and go around it. A document linked to no
 * other is a story of its own.
 *
 * Incremental: an update links the document against its candidates (the
 * documents sharing its key terms, found through an inverted index, never
 * all pairs) and regroups only the stories it touched. Other documents keep
 * the vectors they got with the IDF of their time; all vectors are rebuilt
 * with fresh IDF when the corpus has doubled or halved since the last
 * rebuild, so a corpus indexed one file at a time costs at most twice a
 * batch. Until somebody asks for a story (`settle`), updates only collect
 * profiles: the CLI and the server's start-up index the corpus, then group
 * it once.
 */
import { cosine, vectorOf, type StoryVector } from './vectors';
import { distinctCounts, type StoryProfile } from './terms';

export interface Story {
  /** The URI of its first document: stable while that document stays in it. */
  readonly id: string;
  /** Its first document's title. */
  readonly label: string;
  /** How many documents it holds. */
  readonly size: number;
}

/** Cosine above which two documents report the same incident: high, because a wrong link merges two stories' figures. */
export const LINK_COSINE = 0.25;
/**
 * Links per document at most: a link needs each document among the other's
 * closest few, so a hub (a round-up of the week's news, a page listing other
 * stories' headlines) cannot chain unrelated stories together.
 */
const NEAREST = 3;
/**
 * Near copies (one agency story run by several outlets) are linked whatever
 * their number: the nearest-few limit must not cut a story told thirty times.
 */
const COPY_COSINE = 0.5;
/**
 * A key term is in at most this share of the documents, or MIN_KEY_DF: a
 * term that common finds too many candidates to compare, and an incident's
 * names are rarer. The floor keeps a story told by many documents of a
 * small corpus (thirty copies among 150) findable through its names; below
 * it candidates cost little anyway.
 */
const KEY_DF_SHARE = 1 / 50;
const MIN_KEY_DF = 200;
/** Key terms two documents must share to be compared at all. */
const SHARED_KEYS = 2;
/** Days apart at most of two documents' closest days, when both have days. */
export const DAY_WINDOW = 4;
/**
 * Below this many documents the corpus is one story: IDF from a handful of
 * documents cannot tell an incident's names from the genre's words (in a
 * folder of five reports of one fire the fire's name is in all five, so it
 * weighs least), and a folder that small is mostly one story.
 */
export const MIN_DOCUMENTS = 20;

interface Entry {
  readonly uri: string;
  profile: StoryProfile;
  vector?: StoryVector;
  /** Its closest documents (`nearest`); a link needs each among the other's. */
  near: Entry[];
  /** The cosine of each of `near`. */
  nearCos: number[];
  /** Candidates at `COPY_COSINE` or closer: always linked. */
  copies: Entry[];
  readonly edges: Set<Entry>;
  story: Story;
}

export class StoryIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly df = new Map<number, number>();
  private readonly postings = new Map<number, Set<Entry>>();
  /** Documents at the last rebuild; 0 until the first `settle`. */
  private builtAt = 0;

  /** `lineFrequency` tells in how many documents a line key is (none: lines are not compared). */
  constructor(private readonly lineFrequency: (key: number) => number = () => 1) {}

  get live(): boolean {
    return this.builtAt > 0;
  }

  /** Adds or replaces a document; returns the documents whose story id changed (none until settled). */
  set(uri: string, profile: StoryProfile): Set<string> {
    const old = this.entries.get(uri);
    if (old) {
      if (sameProfile(old.profile, profile)) return new Set();
      this.countTerms(old.profile, -1);
      old.profile = profile;
    }
    const entry = old ?? { uri, profile, near: [], nearCos: [], copies: [], edges: new Set<Entry>(), story: { id: uri, label: profile.title, size: 1 } };
    if (!old) this.entries.set(uri, entry);
    this.countTerms(profile, 1);
    if (!this.live) return new Set();
    if (this.dueForRebuild()) return this.rebuild();
    const affected = new Set(this.candidates(entry));
    this.unpost(entry);
    this.index(entry);
    for (const c of this.candidates(entry)) affected.add(c);
    affected.add(entry);
    return this.relink(entry, affected);
  }

  remove(uri: string): Set<string> {
    const entry = this.entries.get(uri);
    if (!entry) return new Set();
    this.entries.delete(uri);
    this.countTerms(entry.profile, -1);
    if (!this.live) return new Set();
    if (this.dueForRebuild()) return this.rebuild();
    const affected = new Set(this.candidates(entry));
    this.unpost(entry);
    const seeds = [...entry.edges];
    for (const other of entry.edges) other.edges.delete(entry);
    entry.edges.clear();
    const changed = this.relink(entry, affected, seeds);
    changed.delete(uri);
    return changed;
  }

  /** Groups the corpus if nobody asked before. */
  settle(): void {
    if (!this.live && this.entries.size) this.rebuild();
  }

  /** The document's story (settles first); a document not in the index is its own. */
  storyOf(uri: string): Story {
    this.settle();
    return this.entries.get(uri)?.story ?? { id: uri, label: '', size: 1 };
  }

  /** Every story, each once (settles first). */
  stories(): Story[] {
    this.settle();
    const out = new Map<string, Story>();
    for (const e of this.entries.values()) out.set(e.story.id, e.story);
    return [...out.values()];
  }

  private countTerms(p: StoryProfile, by: 1 | -1): void {
    for (const t of p.terms) {
      const n = (this.df.get(t) ?? 0) + by;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  private dueForRebuild(): boolean {
    const n = this.entries.size;
    return n >= 2 * this.builtAt || 2 * n <= this.builtAt || n < MIN_DOCUMENTS || this.builtAt < MIN_DOCUMENTS;
  }

  /** Every vector with the current IDF, every link, every story; returns the documents whose story id changed. */
  private rebuild(): Set<string> {
    this.builtAt = Math.max(1, this.entries.size);
    this.postings.clear();
    for (const e of this.entries.values()) {
      e.edges.clear();
      e.near = e.copies = [];
      e.nearCos = [];
    }
    if (this.entries.size < MIN_DOCUMENTS) return this.regroup(this.entries.values(), true);
    for (const e of this.entries.values()) this.index(e);
    for (const e of this.entries.values()) this.nearest(e);
    for (const e of this.entries.values()) this.linkMutual(e);
    return this.regroup(this.entries.values());
  }

  /** Computes the entry's vector and posts its key terms. */
  private index(e: Entry): void {
    const n = this.entries.size;
    const df = (t: number) => this.df.get(t) ?? 0;
    const counts = distinctCounts(e.profile, (key) => this.lineFrequency(key) > 1);
    e.vector = vectorOf(e.profile, counts, df, n, Math.max(MIN_KEY_DF, Math.ceil(n * KEY_DF_SHARE)));
    for (const t of e.vector.keys) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = new Set()));
      list.add(e);
    }
  }

  private unpost(e: Entry): void {
    for (const t of e.vector?.keys ?? []) {
      const list = this.postings.get(t);
      list?.delete(e);
      if (list && !list.size) this.postings.delete(t);
    }
    e.vector = undefined;
  }

  /** The documents sharing enough key terms with the entry to be compared (a symmetric relation). */
  private candidates(e: Entry): Entry[] {
    if (!e.vector) return [];
    const shared = new Map<Entry, number>();
    for (const t of e.vector.keys) for (const other of this.postings.get(t) ?? []) if (other !== e) shared.set(other, (shared.get(other) ?? 0) + 1);
    const out: Entry[] = [];
    for (const [other, count] of shared) if (count >= SHARED_KEYS) out.push(other);
    return out;
  }

  /**
   * The entry's closest candidates above the link threshold and close in
   * time, best first, at most NEAREST; and its near copies (any number).
   */
  private nearest(e: Entry): void {
    const scored: { other: Entry; c: number }[] = [];
    e.copies = [];
    for (const other of this.candidates(e)) {
      const c = cosine(e.vector!, other.vector!);
      if (c < LINK_COSINE || !closeInTime(e.profile.days, other.profile.days)) continue;
      scored.push({ other, c });
      if (c >= COPY_COSINE) e.copies.push(other);
    }
    scored.sort((a, b) => b.c - a.c || (a.other.uri < b.other.uri ? -1 : 1));
    const kept = scored.slice(0, NEAREST);
    e.near = kept.map((x) => x.other);
    e.nearCos = kept.map((x) => x.c);
  }

  /**
   * The candidate's nearest and copies after `d` changed or left: a full
   * recount only when `d` was among its nearest and got farther (another
   * document may take its place); otherwise `d` moves, enters or stays out.
   */
  private renear(c: Entry, d: Entry): void {
    c.copies = c.copies.filter((x) => x !== d);
    const present = this.entries.has(d.uri) && d.vector !== undefined;
    const cos = present ? cosine(c.vector!, d.vector!) : -1;
    const linked = cos >= LINK_COSINE && closeInTime(c.profile.days, d.profile.days);
    if (linked && cos >= COPY_COSINE) c.copies.push(d);
    const at = c.near.indexOf(d);
    if (at >= 0 && (!linked || cos < c.nearCos[at])) return this.nearest(c);
    if (at >= 0) {
      c.near.splice(at, 1);
      c.nearCos.splice(at, 1);
    }
    if (!linked) return;
    let k = 0;
    while (k < c.near.length && (c.nearCos[k] > cos || (c.nearCos[k] === cos && c.near[k].uri < d.uri))) k++;
    if (k >= NEAREST) return;
    c.near.splice(k, 0, d);
    c.nearCos.splice(k, 0, cos);
    if (c.near.length > NEAREST) {
      c.near.length = NEAREST;
      c.nearCos.length = NEAREST;
    }
  }

  /** Links the entry with its near copies and with each of its nearest documents that has it among its own nearest. */
  private linkMutual(e: Entry): void {
    for (const other of e.near) {
      if (other.near.includes(e)) {
        e.edges.add(other);
        other.edges.add(e);
      }
    }
    for (const other of e.copies) {
      e.edges.add(other);
      other.edges.add(e);
    }
  }

  /**
   * After an update of `d`: the nearest documents of every affected entry
   * (`d` and its candidates before and after: nobody else can have had it,
   * or get it, among their nearest), their links, and the stories of
   * everything they were or are linked to.
   */
  private relink(d: Entry, affected: Set<Entry>, seeds: Entry[] = []): Set<string> {
    for (const a of affected) {
      for (const other of a.edges) {
        other.edges.delete(a);
        seeds.push(other);
      }
      a.edges.clear();
      if (a !== d) this.renear(a, d);
      else if (this.entries.has(a.uri)) this.nearest(a);
      else {
        a.near = a.copies = [];
        a.nearCos = [];
      }
    }
    for (const a of affected) this.linkMutual(a);
    for (const a of affected) seeds.push(a, ...a.edges);
    return this.regroup(seeds);
  }

  /**
   * Re-forms the stories of the seeds' groups (each whole group: a story
   * that lost a document may fall apart, only through its old neighbours);
   * returns the documents whose story id changed.
   */
  private regroup(seeds: Iterable<Entry>, pooled = false): Set<string> {
    const changed = new Set<string>();
    const seen = new Set<Entry>();
    for (const seed of seeds) {
      if (seen.has(seed) || !this.entries.has(seed.uri)) continue;
      const members = [seed];
      seen.add(seed);
      for (let k = 0; k < members.length; k++) {
        for (const next of pooled ? this.entries.values() : members[k].edges) {
          if (seen.has(next)) continue;
          seen.add(next);
          members.push(next);
        }
      }
      let first = seed;
      for (const m of members) if (m.uri < first.uri) first = m;
      const story: Story = { id: first.uri, label: first.profile.title, size: members.length };
      for (const m of members) {
        if (m.story.id !== story.id) changed.add(m.uri);
        m.story = story;
      }
    }
    return changed;
  }
}

/** Whether two documents' days allow one incident: unknown days allow it. */
function closeInTime(a: readonly number[], b: readonly number[]): boolean {
  if (!a.length || !b.length) return true;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (Math.abs(a[i] - b[j]) <= DAY_WINDOW) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}

function sameProfile(a: StoryProfile, b: StoryProfile): boolean {
  if (a.title !== b.title || a.terms.length !== b.terms.length || a.days.length !== b.days.length) return false;
  for (let k = 0; k < a.terms.length; k++) if (a.terms[k] !== b.terms[k] || a.counts[k] !== b.counts[k]) return false;
  return a.days.every((d, k) => d === b.days[k]);
}
