import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, toWellFormed } from './unicode';

describe('lone surrogates', () => {
  it('are found wherever they stand, pairs are not', () => {
    for (const text of ['\ud800', 'ana\ud800', '\udc00ana', 'a\udbffb', '\ud83d\ude00\ud800', '\ude00\ud83d']) expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(true);
    for (const text of ['', 'ana', 'ñandú', '\ud83d\ude00', 'a\ud83d\ude00b\u{10ffff}']) expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(false);
  });

  it('become U+FFFD, as UTF-8 storage gives them back', () => {
    expect(toWellFormed('ana\ud800')).toBe('ana\ufffd');
    expect(toWellFormed('\ude00\ud83d\ude00\ud83d')).toBe('\ufffd\ud83d\ude00\ufffd');
    expect(toWellFormed('ana\ud800')).toBe(Buffer.from('ana\ud800', 'utf8').toString('utf8'));
  });
});
