/**
 * Multi-phrase matcher (Aho–Corasick automaton compiled to a table): finds which of many
 * thousand phrases occur in a text in one pass, whatever the input. This is what lets rules
 * be plain phrases and keeps matching linear in the length of the reply.
 *
 * Text and phrases are folded the same way: ASCII letters lower-cased, accents removed from
 * Latin letters, every kind of quote made "'", and runs of white space or control
 * characters made one space. A phrase may start or end with "|", meaning a word boundary
 * there (the neighbouring character is not a letter or digit).
 */

const SPACE = 32;
/** Flag bit in a transition: the target state ends at least one phrase. */
const HAS_OUTPUT = 1 << 30;
/** The state's number in a transition (without the flag). */
const STATE_MASK = HAS_OUTPUT - 1;
/** States (breadth first) that get a full row of transitions: the ones a scan is mostly in. */
const SHALLOW_STATES = 512;
/** Not a dense symbol (those are below 130: 0, the space and ASCII). */
const NO_SYMBOL = 255;
const QUOTE = 39;
const FOLD_LIMIT = 0x2000;

/** Folding table for the first 8192 code points: 0 means "treat as space". */
const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(FOLD_LIMIT);
  for (let c = 0; c < FOLD_LIMIT; c++) {
    if (c <= 32 || c === 127 || (c >= 0x80 && c <= 0xa0) || c === 0x2028 || c === 0x2029) {
      table[c] = SPACE;
      continue;
    }
    if (c >= 65 && c <= 90) {
      table[c] = c + 32;
      continue;
    }
    if (c < 128) {
      table[c] = c === 34 || c === 96 ? QUOTE : c;
      continue;
    }
    if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0xb4 || c === 0x2032) {
      table[c] = QUOTE;
      continue;
    }
    if (c >= 0x2000 && c <= 0x200b) {
      table[c] = SPACE;
      continue;
    }
    const base = String.fromCharCode(c).normalize("NFD").toLowerCase();
    const first = base.charCodeAt(0);
    table[c] = first < 128 && first > 32 ? first : (String.fromCharCode(c).toLowerCase().charCodeAt(0) ?? c);
  }
  table[0x2010] = 45;
  table[0x2011] = 45;
  table[0x2013] = 45;
  table[0x2014] = 45;
  return table;
}

/** Fold one UTF-16 code unit. */
export function foldChar(c: number): number {
  if (c < FOLD_LIMIT) return FOLD[c] as number;
  if (c === 0x3000 || c === 0xfeff) return SPACE;
  return c;
}

/** Fold a whole string (used for phrases and for tests). */
export function foldText(text: string): string {
  let out = "";
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = foldChar(text.charCodeAt(i));
    if (f === SPACE) {
      if (!lastSpace) out += " ";
      lastSpace = true;
    } else {
      out += String.fromCharCode(f);
      lastSpace = false;
    }
  }
  return out.trimEnd();
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c > 127;
}

interface CompiledPhrase {
  text: string;
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

/** A compiled set of phrases. */
export class PhraseMatcher {
  readonly phrases: readonly string[];
  private readonly alphabet: Uint16Array;
  private readonly wideAlphabet: Map<number, number>;
  private readonly alphabetSize: number;
  /**
   * Transitions of the shallow states (the first `shallowCount` in breadth-first order,
   * where a scan spends most of its time) on the dense symbols (0 and every ASCII character
   * of the phrases): one row per state, each entry the next state, flagged (HAS_OUTPUT)
   * when that state ends a phrase. Other symbols (accented and non-Latin letters, CJK) are
   * rare in replies: their transitions follow the trie and the failure links (`sparse`).
   */
  private readonly shallow: Int32Array;
  private readonly shallowCount: number;
  /**
   * The deeper states, numbered depth first so that a phrase's states follow one another:
   * their trie edges on dense symbols (`deepStart` per state minus `shallowCount`, then
   * `edgeSymbol` and the flagged `edgeValue`), and `chainSymbol`, the symbol that leads to
   * the next state number (NO_SYMBOL for none), the usual case along a phrase. Without an edge, a
   * deep state moves as its failure state does. A few hundred kilobytes in all, where a
   * full table for every state took megabytes and a cache miss per character.
   */
  private readonly deepStart: Int32Array;
  private readonly edgeSymbol: Uint8Array;
  private readonly edgeValue: Int32Array;
  private readonly chainSymbol: Uint8Array;
  /** Symbols below this are dense (a column of `shallow`); the others are sparse. */
  private readonly denseSize: number;
  /** Trie edges on sparse symbols: state × alphabet size + symbol → next state. */
  private readonly sparse: Map<number, number>;
  /** Failure link of each state. */
  private readonly fail: Int32Array;
  /** What a transition to each state holds: the state, flagged when it ends a phrase. */
  private readonly stateEntry: Int32Array;
  private readonly outputStart: Int32Array;
  private readonly outputs: Int32Array;
  private readonly lengths: Int32Array;
  /** Per phrase: bit 1 = word boundary required before it, bit 2 = after it. */
  private readonly bounded: Uint8Array;
  private readonly seen: Uint32Array;
  /** Symbol of each UTF-16 code unit below FOLD_LIMIT, folding included. */
  private readonly symbolByChar: Uint16Array;
  /** 1 for code units that fold to a letter or digit. */
  private readonly wordChar: Uint8Array;
  private readonly spaceSymbol: number;
  private epoch = 0;
  private wordAt = new Uint8Array(1024);
  private pending = new Int32Array(512);

  /**
   * `options.shallowStates`: how many states (breadth first) get a full row of transitions
   * (tests set it low to exercise the deep states' path).
   */
  constructor(phrases: readonly string[], options: { shallowStates?: number } = {}) {
    const compiled: CompiledPhrase[] = phrases.map((phrase) => {
      let text = phrase;
      const boundaryStart = text.startsWith("|");
      const boundaryEnd = text.endsWith("|") && text.length > 1;
      if (boundaryStart) text = text.slice(1);
      if (boundaryEnd) text = text.slice(0, -1);
      // Keep leading/trailing spaces: they are part of the phrase.
      const folded = foldKeepingEdges(text);
      if (folded.length === 0) throw new Error(`empty phrase: ${JSON.stringify(phrase)}`);
      return { text: folded, boundaryStart, boundaryEnd };
    });
    this.phrases = compiled.map((p) => p.text);

    // Alphabet: every folded character used by a phrase gets a symbol; 0 is "anything else".
    // ASCII characters first: they are the dense symbols.
    this.alphabet = new Uint16Array(FOLD_LIMIT);
    this.wideAlphabet = new Map();
    let symbols = 1;
    this.alphabet[SPACE] = symbols++;
    for (const p of compiled) {
      for (let i = 0; i < p.text.length; i++) {
        const c = p.text.charCodeAt(i);
        if (c < 128 && this.alphabet[c] === 0) this.alphabet[c] = symbols++;
      }
    }
    this.denseSize = symbols;
    for (const p of compiled) {
      for (let i = 0; i < p.text.length; i++) {
        const c = p.text.charCodeAt(i);
        if (c < FOLD_LIMIT) {
          if (this.alphabet[c] === 0) this.alphabet[c] = symbols++;
        } else if (!this.wideAlphabet.has(c)) this.wideAlphabet.set(c, symbols++);
      }
    }
    this.alphabetSize = symbols;

    // Trie: edges keyed by state × alphabet size + symbol (one map, not a map per state).
    const size = this.alphabetSize;
    const edges = new Map<number, number>();
    const ends: number[][] = [[]];
    compiled.forEach((p, index) => {
      let node = 0;
      for (let i = 0; i < p.text.length; i++) {
        const key = node * size + this.symbolOf(p.text.charCodeAt(i));
        let child = edges.get(key);
        if (child === undefined) {
          child = ends.length;
          ends.push([]);
          edges.set(key, child);
        }
        node = child;
      }
      (ends[node] as number[]).push(index);
    });
    const nodeCount = ends.length;
    const dense = this.denseSize;
    // Each state's children, in symbol order, in three flat arrays: the sorted edge keys
    // are state-major and symbol-minor. (Typed arrays and native sorting: this runs once,
    // at start-up, before the JIT compiler has looked at it.)
    const keys = Float64Array.from(edges.keys()).sort();
    const childStart = new Int32Array(nodeCount + 1);
    const childSymbol = new Int32Array(keys.length);
    const childNode = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      const node = Math.floor(key / size);
      childSymbol[i] = key - node * size;
      childNode[i] = edges.get(key) as number;
      childStart[node + 1] = (childStart[node + 1] as number) + 1;
    }
    for (let node = 0; node < nodeCount; node++)
      childStart[node + 1] = (childStart[node + 1] as number) + (childStart[node] as number);

    // Breadth-first: failure links, merged outputs, and the full rows of the shallow states
    // (the first `shallowCount` reached). A state's failure state, and all it inherits, is
    // reached before the state itself, so each row is final when written: its failure
    // state's row copied, then its own children. Rows hold trie nodes here.
    const shallowCount = Math.max(1, Math.min(options.shallowStates ?? SHALLOW_STATES, nodeCount));
    const rows = new Int32Array(shallowCount * dense);
    const number = new Int32Array(nodeCount);
    const order = new Int32Array(nodeCount);
    let reached = 1;
    const fail = new Int32Array(nodeCount);
    const hasOutput = new Uint8Array(nodeCount);
    const outputLists: number[][] = ends;
    // Where a state goes on a symbol: a shallow state's row, else its trie child, else its
    // failure state's move (sparse symbols have no rows: trie children and failure links).
    const move = (from: number, symbol: number): number => {
      for (let state = from; ; state = fail[state] as number) {
        const row = number[state] as number;
        if (symbol < dense && row < shallowCount) return rows[row * dense + symbol] as number;
        const child = edges.get(state * size + symbol);
        if (child !== undefined) return child;
        if (state === 0) return 0;
      }
    };
    for (let head = 0; head < reached; head++) {
      const node = order[head] as number;
      const failNode = fail[node] as number;
      if (head > 0) {
        const inherited = outputLists[failNode] as number[];
        if (inherited.length > 0) (outputLists[node] as number[]).push(...inherited);
        // A state moves as its failure state does, except on its own children.
        if (head < shallowCount) {
          const failRow = (number[failNode] as number) * dense;
          rows.copyWithin(head * dense, failRow, failRow + dense);
        }
      }
      for (let c = childStart[node] as number; c < (childStart[node + 1] as number); c++) {
        const symbol = childSymbol[c] as number;
        const child = childNode[c] as number;
        const target = head > 0 ? move(failNode, symbol) : 0;
        fail[child] = target;
        number[child] = reached;
        order[reached++] = child;
        hasOutput[child] = (ends[child] as number[]).length > 0 || hasOutput[target] === 1 ? 1 : 0;
        if (symbol < dense && head < shallowCount) rows[head * dense + symbol] = child;
      }
    }
    // The final numbering: the shallow states keep their breadth-first numbers; the others
    // are numbered depth first (each deep state's first child is the next number).
    const id = new Int32Array(nodeCount);
    const nodeOf = new Int32Array(nodeCount);
    for (let b = 0; b < shallowCount; b++) {
      id[order[b] as number] = b;
      nodeOf[b] = order[b] as number;
    }
    let nextId = shallowCount;
    const stack = [0];
    while (stack.length > 0) {
      const node = stack.pop() as number;
      if ((number[node] as number) >= shallowCount) {
        id[node] = nextId;
        nodeOf[nextId++] = node;
      }
      for (let c = (childStart[node + 1] as number) - 1; c >= (childStart[node] as number); c--)
        stack.push(childNode[c] as number);
    }
    const flagged = (node: number): number => (id[node] as number) | (hasOutput[node] === 1 ? HAS_OUTPUT : 0);

    this.shallowCount = shallowCount;
    this.shallow = rows.map(flagged);
    const deepCount = nodeCount - shallowCount;
    this.deepStart = new Int32Array(deepCount + 1);
    this.chainSymbol = new Uint8Array(deepCount).fill(NO_SYMBOL);
    const edgeSymbols: number[] = [];
    const edgeValues: number[] = [];
    for (let d = 0; d < deepCount; d++) {
      const state = shallowCount + d;
      const node = nodeOf[state] as number;
      this.deepStart[d] = edgeSymbols.length;
      for (let c = childStart[node] as number; c < (childStart[node + 1] as number); c++) {
        const symbol = childSymbol[c] as number;
        if (symbol >= dense) continue;
        const child = childNode[c] as number;
        if (id[child] === state + 1) this.chainSymbol[d] = symbol;
        else {
          edgeSymbols.push(symbol);
          edgeValues.push(flagged(child));
        }
      }
    }
    this.deepStart[deepCount] = edgeSymbols.length;
    this.edgeSymbol = Uint8Array.from(edgeSymbols);
    this.edgeValue = Int32Array.from(edgeValues);
    this.sparse = new Map();
    for (let c = 0; c < childSymbol.length; c++) {
      if ((childSymbol[c] as number) < dense) continue;
      const node = Math.floor((keys[c] as number) / size);
      this.sparse.set(
        (id[node] as number) * size + (childSymbol[c] as number),
        id[childNode[c] as number] as number,
      );
    }
    this.fail = new Int32Array(nodeCount);
    this.stateEntry = new Int32Array(nodeCount);
    for (let node = 0; node < nodeCount; node++) {
      const state = id[node] as number;
      this.fail[state] = id[fail[node] as number] as number;
      this.stateEntry[state] = flagged(node);
    }
    this.outputStart = new Int32Array(nodeCount + 1);
    let total = 0;
    for (let state = 0; state < nodeCount; state++) {
      this.outputStart[state] = total;
      total += (outputLists[nodeOf[state] as number] as number[]).length;
    }
    this.outputStart[nodeCount] = total;
    this.outputs = new Int32Array(total);
    let k = 0;
    for (let state = 0; state < nodeCount; state++)
      for (const phrase of outputLists[nodeOf[state] as number] as number[]) this.outputs[k++] = phrase;
    this.lengths = Int32Array.from(compiled, (p) => p.text.length);
    this.bounded = Uint8Array.from(compiled, (p) => (p.boundaryStart ? 1 : 0) | (p.boundaryEnd ? 2 : 0));
    this.seen = new Uint32Array(compiled.length);
    this.spaceSymbol = this.alphabet[SPACE] as number;
    this.symbolByChar = new Uint16Array(FOLD_LIMIT);
    this.wordChar = new Uint8Array(FOLD_LIMIT);
    for (let c = 0; c < FOLD_LIMIT; c++) {
      const folded = FOLD[c] as number;
      this.symbolByChar[c] = this.alphabet[folded] as number;
      this.wordChar[c] = isWordChar(folded) ? 1 : 0;
    }
  }

  /** Whether phrase `id` was found by the most recent scan. */
  has(id: number): boolean {
    return this.seen[id] === this.epoch;
  }

  /** The entry (flagged state) for the move from `state` on a sparse symbol (trie edge, else failure links). */
  private sparseMove(from: number, symbol: number): number {
    const size = this.alphabetSize;
    for (let state = from; ; state = this.fail[state] as number) {
      const child = this.sparse.get(state * size + symbol);
      if (child !== undefined) return this.stateEntry[child] as number;
      if (state === 0) return this.stateEntry[0] as number;
    }
  }

  private symbolOf(folded: number): number {
    if (folded === SPACE) return this.alphabet[SPACE] as number;
    if (folded < FOLD_LIMIT) return this.alphabet[folded] as number;
    return this.wideAlphabet.get(folded) ?? 0;
  }

  /**
   * Find the phrases occurring in `text` (at most `limit` characters are read). Writes the
   * ids of distinct matched phrases into `out` and returns how many there are. Ids are
   * indexes into the `phrases` given to the constructor.
   */
  scan(text: string, out: Int32Array, limit = text.length): number {
    let stamp = this.epoch + 1;
    if (stamp === 0xffffffff) {
      this.seen.fill(0);
      stamp = 1;
    }
    this.epoch = stamp;
    const end = Math.min(limit, text.length);
    if (this.wordAt.length < end + 2) this.wordAt = new Uint8Array(end + 2);
    // Per position of the folded text: 1 when it is a letter or digit (for "|" boundaries).
    const wordAt = this.wordAt;
    const dense = this.denseSize;
    const shallow = this.shallow;
    const shallowCount = this.shallowCount;
    const deepStart = this.deepStart;
    const edgeSymbol = this.edgeSymbol;
    const edgeValue = this.edgeValue;
    const chainSymbol = this.chainSymbol;
    const stateEntry = this.stateEntry;
    const fail = this.fail;
    const symbols = this.symbolByChar;
    const wordChar = this.wordChar;
    const outputStart = this.outputStart;
    const outputs = this.outputs;
    const seen = this.seen;
    const bounded = this.bounded;
    const spaceSymbol = this.spaceSymbol;
    let count = 0;
    let pendingCount = 0;
    // A leading space lets phrases anchored with a space match at the start.
    let length = 1;
    wordAt[0] = 0;
    let state = (shallow[spaceSymbol] as number) & STATE_MASK;
    let lastSpace = true;
    for (let i = 0; i <= end; i++) {
      let symbol: number;
      let word: number;
      if (i === end) {
        symbol = spaceSymbol;
        word = 0;
      } else {
        const c = text.charCodeAt(i);
        if (c < FOLD_LIMIT) {
          symbol = symbols[c] as number;
          word = wordChar[c] as number;
        } else {
          const folded = foldChar(c);
          symbol = folded === SPACE ? spaceSymbol : (this.wideAlphabet.get(folded) ?? 0);
          word = folded === SPACE ? 0 : 1;
        }
      }
      if (symbol === spaceSymbol) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      wordAt[length++] = word;
      let value = -1;
      if (symbol >= dense) value = this.sparseMove(state, symbol);
      else {
        // A deep state follows its phrase, else another trie edge, else its failure link
        // (towards the shallow states, which have a full row).
        for (let from = state; value < 0; ) {
          if (from < shallowCount) {
            value = shallow[from * dense + symbol] as number;
            break;
          }
          const d = from - shallowCount;
          if (chainSymbol[d] === symbol) {
            value = stateEntry[from + 1] as number;
            break;
          }
          for (let e = deepStart[d] as number; e < (deepStart[d + 1] as number); e++) {
            if (edgeSymbol[e] === symbol) {
              value = edgeValue[e] as number;
              break;
            }
          }
          if (value < 0) from = fail[from] as number;
        }
      }
      state = value & STATE_MASK;
      if (value < HAS_OUTPUT) continue;
      const from = outputStart[state] as number;
      const to = outputStart[state + 1] as number;
      for (let o = from; o < to; o++) {
        const id = outputs[o] as number;
        if (seen[id] === stamp) continue;
        if (bounded[id] !== 0) {
          // Bit 1: a word boundary before the phrase; bit 2: after it.
          if ((bounded[id] as number) & 1 && wordAt[length - 1 - (this.lengths[id] as number)] === 1)
            continue;
          if ((bounded[id] as number) & 2) {
            // The next character is not read yet: check once the scan is done.
            if (pendingCount + 2 <= this.pending.length) {
              this.pending[pendingCount++] = id;
              this.pending[pendingCount++] = length;
            }
            continue;
          }
        }
        seen[id] = stamp;
        if (count < out.length) out[count++] = id;
      }
    }
    for (let p = 0; p < pendingCount; p += 2) {
      const id = this.pending[p] as number;
      if (seen[id] === stamp) continue;
      const after = this.pending[p + 1] as number;
      if (after >= length || wordAt[after] === 0) {
        seen[id] = stamp;
        if (count < out.length) out[count++] = id;
      }
    }
    return count;
  }
}

function foldKeepingEdges(text: string): string {
  const leading = text.length > 0 && foldChar(text.charCodeAt(0)) === SPACE;
  const trailing = text.length > 1 && foldChar(text.charCodeAt(text.length - 1)) === SPACE;
  const core = foldText(text).trim();
  return (leading ? " " : "") + core + (trailing ? " " : "");
}
