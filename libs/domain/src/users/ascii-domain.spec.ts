import { domainToASCII } from 'node:url';
import { asciiDomain } from './ascii-domain';

// Same shape as Email's check of a label, so only labels an address may have are compared.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const IDEOGRAPHS: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0x20000, 0x3ffff],
];
// Node 24's URL parser follows a newer UTS #46 than Node 20's and 22's: it maps ẞ to ß (not ss) and drops the Hangul
// fillers (which the older tables refuse, so the comparison skips them there). asciiDomain keys addresses as the
// older tables do, on every Node; following the newer ones would change stored keys, which takes a migration.
const NEWER_UTS46 = domainToASCII('a\u1e9eb.example') === 'xn--ab-gia.example';
const NEWER_UTS46_DIFFERENCES = [
  'U+115f: xn--ab-iuk.example, not ab.example',
  'U+1160: xn--ab-luk.example, not ab.example',
  'U+1e9e: assb.example, not xn--ab-gia.example',
  'U+3164: xn--ab-luk.example, not ab.example',
  'U+ffa0: xn--ab-luk.example, not ab.example',
];

describe('asciiDomain', () => {
  it.each([
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.Example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['XN--BCHER-KVA.EXAMPLE', 'xn--bcher-kva.example'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['straße.de', 'xn--strae-oqa.de'],
    ['ΣΊΣΥΦΟΣ.gr', 'xn--kxa6akbbkh.gr'],
    ['ｅｘａｍｐｌｅ.com', 'example.com'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['Example.COM', 'example.com'],
  ])('writes %j as %j', (domain, ascii) => {
    expect(asciiDomain(domain)).toBe(ascii);
  });

  it('turns an A-label that spells its Unicode differently into the one form', () => {
    // Punycode of the capital Ü, which IDNA would never write: it is still bücher.
    expect(asciiDomain('xn--bcher-2pa.example')).toBe('xn--bcher-kva.example');
    // And of a decomposed ü (u and a combining diaeresis).
    expect(asciiDomain('xn--bucher-xyd.example')).toBe('xn--bcher-kva.example');
  });

  it('keeps labels that are not valid punycode, lowercased', () => {
    expect(asciiDomain('XN--ZZ.example')).toBe('xn--zz.example');
    expect(asciiDomain('xn--abc-.example')).toBe('xn--abc-.example');
  });

  it("agrees with Node's domainToASCII for every letter and digit a label can hold", () => {
    const differences: string[] = [];
    for (let point = 0x80; point <= 0x3ffff; point += 1) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      // Ideographs and Hangul syllables map to themselves: a sample of them keeps this test quick.
      if (IDEOGRAPHS.some(([low, high]) => point >= low && point <= high) && point % 61 !== 0) continue;
      const label = `a${String.fromCodePoint(point)}b`.normalize('NFC');
      if (!LABEL.test(label)) continue;
      const expected = domainToASCII(`${label}.example`);
      // IDNA refuses some characters outright; Email accepted them before and keys them its own way.
      if (expected === '') continue;
      const actual = asciiDomain(`${label}.example`);
      if (actual !== expected) differences.push(`U+${point.toString(16)}: ${actual}, not ${expected}`);
      if (asciiDomain(expected) !== expected) differences.push(`U+${point.toString(16)}: ${expected} moves`);
    }
    expect(differences).toEqual(NEWER_UTS46 ? NEWER_UTS46_DIFFERENCES : []);
  });

  it("agrees with Node's domainToASCII on longer labels mixing scripts", () => {
    const ranges: Array<[number, number]> = [
      [0x61, 0x7a],
      [0x30, 0x39],
      [0xc0, 0x24f],
      [0x370, 0x3ff],
      [0x400, 0x4ff],
      [0x13a0, 0x13fd],
      [0x1f00, 0x1fff],
      [0x3040, 0x30ff],
      [0x4e00, 0x4fff],
      [0xac00, 0xad00],
      [0xff21, 0xff5a],
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const differences: string[] = [];
    for (let compared = 0; compared < 20_000;) {
      const label = Array.from({ length: 1 + next(12) }, () => {
        const [low, high] = ranges[next(ranges.length)];
        return String.fromCodePoint(low + next(high - low + 1));
      })
        .join('')
        .normalize('NFC');
      const expected = LABEL.test(label) ? domainToASCII(`${label}.example`) : '';
      if (expected === '') continue;
      compared += 1;
      const actual = asciiDomain(`${label}.example`);
      if (actual !== expected) differences.push(`${label}: ${actual}, not ${expected}`);
    }
    expect(differences).toEqual([]);
  });
});
