import { describe, expect, it } from 'vitest';
import {
  deriveTitle,
  detectLanguage,
  findByline,
  parseStatedDate,
  takeTrailer,
} from '../../electron/core/import/infer.ts';
import { canonicalOutlet, outletKey } from '../../electron/core/import/outlets.ts';

describe('parseStatedDate', () => {
  it.each([
    ['December 30, 2025 at 03:22AM', '2025-12-30T03:22'],
    ['December 30, 2025 at 03:22PM', '2025-12-30T15:22'],
    ['Dec. 3, 2025', '2025-12-03'],
    ['30 December 2025', '2025-12-30'],
    ['2025-11-18T09:40:00+09:00', '2025-11-18T09:40'],
    ['2025-11-20', '2025-11-20'],
  ])('%s → %s', (input, expected) => expect(parseStatedDate(input)).toBe(expected));

  it.each(['February 30, 2025', 'Reporting partner A', 'December 30, 2025 at 13:22PM', ''])(
    'rejects %j',
    (input) => expect(parseStatedDate(input)).toBeNull(),
  );
});

describe('takeTrailer', () => {
  it('takes a closing date and signature off the body', () => {
    const t = takeTrailer(
      'Body line.\nMore body.\nDecember 30, 2025 at 03:22AM\nby DailyNK(North Korean Media)',
    );
    expect(t).toEqual({
      body: 'Body line.\nMore body.',
      publishedAt: '2025-12-30T03:22',
      outlet: 'Daily NK',
    });
  });

  it('leaves a body that ends in a sentence alone', () => {
    const text = 'The source said so.\nBy then the market had closed.';
    expect(takeTrailer(text)).toEqual({ body: text });
  });
});

describe('findByline', () => {
  it('reads "(By A / B)" and "(A / B)" closing a paragraph', () => {
    expect(findByline('Intro text here. (By JEON Sung-jun / KANG Ji-won)\nBody.')).toBe(
      'JEON Sung-jun / KANG Ji-won',
    );
    expect(findByline('Intro text here. (JEON Sung-jun/KANG Ji-won)')).toBe(
      'JEON Sung-jun / KANG Ji-won',
    );
  });

  it('does not take an ordinary parenthesis for a byline', () => {
    expect(findByline('Cases rose during the pandemic (COVID-19) in the north.')).toBeUndefined();
  });
});

describe('outlets', () => {
  it('gives one key however the name is spaced or cased', () => {
    expect(outletKey('DailyNK')).toBe(outletKey('Daily NK'));
    expect(canonicalOutlet('dailynk')).toBe('Daily NK');
    expect(canonicalOutlet('  Some   Local Paper ')).toBe('Some Local Paper');
  });
});

describe('deriveTitle and detectLanguage', () => {
  it('takes the first sentence, cut at a word', () => {
    expect(deriveTitle('Short first sentence. Then more.')).toBe('Short first sentence');
    const long = deriveTitle('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(91);
    expect(long.endsWith('…')).toBe(true);
  });

  it('knows English and Korean, and says nothing when unsure', () => {
    expect(
      detectLanguage(
        'The source said that the price of the car was paid in yuan and the buyer was happy.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        '양강도 혜산시에서 자동차 수리 기술을 배우는 젊은이들이 늘고 있다고 소식통이 전했다.',
      ),
    ).toBe('ko');
    expect(detectLanguage('12345 67890')).toBeUndefined();
  });
});
