// Fixed-size bit sets over endpoint indexes: the flow matrix is rows of these, so a matrix over
// n endpoints costs about n²/32 words instead of n² booleans.

/** A fixed-size set of small integers backed by 32-bit words. */
export class BitSet {
  readonly words: Uint32Array;
  constructor(
    readonly size: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  static full(size: number): BitSet {
    const s = new BitSet(size);
    s.words.fill(0xffffffff);
    s.clearTail();
    return s;
  }

  has(i: number): boolean {
    return ((this.words[i >>> 5]! >>> (i & 31)) & 1) === 1;
  }

  add(i: number): this {
    this.words[i >>> 5]! |= 1 << (i & 31);
    return this;
  }

  delete(i: number): this {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
    return this;
  }

  clone(): BitSet {
    return new BitSet(this.size, this.words.slice());
  }

  /** this |= other */
  or(other: BitSet): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! |= b[i]!;
    return this;
  }

  /** this |= (x & y), without allocating. */
  orAnd(x: BitSet, y: BitSet): this {
    const a = this.words;
    const b = x.words;
    const c = y.words;
    for (let i = 0; i < a.length; i++) a[i]! |= b[i]! & c[i]!;
    return this;
  }

  /** this ^= other: the members of exactly one of the two. */
  xor(other: BitSet): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! ^= b[i]!;
    return this;
  }

  /** this &= other */
  and(other: BitSet): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= b[i]!;
    return this;
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  count(): number {
    let n = 0;
    for (let w of this.words) {
      w = w - ((w >>> 1) & 0x55555555);
      w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
      n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let wi = 0; wi < this.words.length; wi++) {
      let w = this.words[wi]!;
      while (w !== 0) {
        const bit = 31 - Math.clz32(w & -w);
        yield (wi << 5) + bit;
        w &= w - 1;
      }
    }
  }

  private clearTail(): void {
    const extra = this.words.length * 32 - this.size;
    if (extra > 0) this.words[this.words.length - 1] = 0xffffffff >>> extra;
  }
}
