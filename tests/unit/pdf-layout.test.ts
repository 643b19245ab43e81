// The reading-order rules of pdf-layout.ts on runs placed by hand: the cases the fixtures do not
// show (tables, superscripts, dashes, short documents, years at a page's foot).
import { describe, expect, it } from 'vitest';
import {
  findGutter,
  joinOf,
  readingOrder,
  rowsOf,
  vocabularyOf,
  type TextRun,
} from '../../electron/core/import/pdf-layout.ts';

/** A run of 10-point text about 5 units a character wide. */
const run = (text: string, x: number, y: number, size = 10): TextRun => ({
  text,
  x,
  y,
  size,
  width: text.length * size * 0.5,
});

/** Lines down a column from `top`, 13 units apart. */
const column = (lines: string[], x: number, top: number): TextRun[] =>
  lines.map((line, i) => run(line, x, top - 13 * i));

const NONE: ReturnType<typeof vocabularyOf> = { words: new Set(), compounds: new Set() };

describe('line ends', () => {
  it('joins a word broken with a hyphen when the next line goes on in lower case', () => {
    expect(joinOf('while the inter-', 'national aid', NONE)).toEqual({ drop: 1, sep: '' });
  });

  it('keeps a hyphen the document writes in the compound elsewhere', () => {
    const vocabulary = vocabularyOf(['a well-known pattern', 'called a well-']);
    expect(joinOf('called a well-', 'known way', vocabulary)).toEqual({ drop: 0, sep: '' });
    // ...but not when the document also writes the word joined.
    const both = vocabularyOf(['a well-known pattern', 'a wellknown one']);
    expect(joinOf('called a well-', 'known way', both)).toEqual({ drop: 1, sep: '' });
  });

  it('keeps hyphens before digits and capitals, and spaces a dash set off by spaces', () => {
    expect(joinOf('rose by 3-', '5 per cent', NONE)).toEqual({ drop: 0, sep: '' });
    expect(joinOf('from the Sino-', 'Korean bridge', NONE)).toEqual({ drop: 0, sep: '' });
    expect(joinOf('prices rose —', 'sharply', NONE)).toEqual({ drop: 0, sep: ' ' });
    expect(joinOf('an ordinary', 'line', NONE)).toEqual({ drop: 0, sep: ' ' });
    expect(joinOf('a soft\u00AD', 'hyphen', NONE)).toEqual({ drop: 1, sep: '' });
  });
});

describe('rows and paragraphs', () => {
  it('keeps a superscript on its line and spaces runs by their gap', () => {
    const rows = rowsOf([
      run('The figure', 72, 700),
      { text: '12', x: 122, y: 703.5, size: 6, width: 6 },
      run('rose.', 131, 700),
    ]);
    expect(rows.map((r) => r.fragments.map((f) => f.text))).toEqual([['The figure12 rose.']]);
  });

  it('ends an entry of a table of contents at its page number', () => {
    const { text } = readingOrder([
      column(
        [
          '1 Introduction . . . . . . . . . . 1',
          '2 Sources . . . . . . . . . . . . . 4',
          '3 Findings . . . . . . . . . . . . 9',
        ],
        72,
        700,
      ),
    ]);
    expect(text.split('\n')).toHaveLength(3);
  });

  it('starts a paragraph at a wider gap, a change of size, or a short line ending a sentence', () => {
    const { text } = readingOrder([
      [
        // A heading set as close as the lines below it: only its size sets it apart.
        run('A Heading', 72, 713, 14),
        ...column(
          [
            'The first paragraph runs over two lines of text that',
            'fill the column.',
            'The second starts after a short line that ended a sentence and',
            'goes on here.',
          ],
          72,
          700,
        ),
        run('The third follows a wider gap than the lines have.', 72, 620),
      ],
    ]);
    expect(text).toBe(
      [
        'A Heading',
        'The first paragraph runs over two lines of text that fill the column.',
        'The second starts after a short line that ended a sentence and goes on here.',
        'The third follows a wider gap than the lines have.',
      ].join('\n'),
    );
  });
});

describe('columns', () => {
  const left = [
    'The left column is read first, from its top',
    'line down to the end of its last line, and',
    'only then does the reader move to the right.',
  ];
  const right = [
    'The right column comes second, though its',
    'lines share their baselines with the lines',
    'of the left column on this page of text.',
  ];

  it('reads the left column, then the right, and goes on across the column break', () => {
    const twoColumns = readingOrder([[...column(left, 72, 700), ...column(right, 320, 700)]]);
    expect(twoColumns.text).toBe(`${left.join(' ')}\n${right.join(' ')}`);
    const cut = readingOrder([
      [
        ...column(left.slice(0, 2), 72, 700),
        ...column(
          ['then reads on at the top of the right', 'column, as a reader expects.'],
          320,
          700,
        ),
      ],
    ]);
    expect(cut.text).toBe(
      `${left[0]} ${left[1]} then reads on at the top of the right column, as a reader expects.`,
    );
  });

  it('reads three columns in order', () => {
    const columns = [
      ['The first of three columns', 'is read from top to its', 'end before the next one.'],
      ['The second column comes', 'after the first, and its', 'text ends here as well.'],
      ['The third column is read', 'last of all, after the', 'second has been read.'],
    ];
    const { text } = readingOrder([
      columns.flatMap((lines, i) => column(lines, 72 + 170 * i, 700)),
    ]);
    expect(text).toBe(columns.map((lines) => lines.join(' ')).join('\n'));
  });

  it('does not take a table of short cells for two columns', () => {
    const runs = ['Rice', 'Maize', 'Soy', 'Wheat'].flatMap((crop, i) => [
      run(crop, 72, 700 - 13 * i),
      run(`${1000 + i} won`, 400, 700 - 13 * i),
    ]);
    expect(findGutter(rowsOf(runs).flatMap((r) => r.fragments))).toBeNull();
    expect(readingOrder([runs]).text).toMatch(/^Rice 1000 won\nMaize 1001 won/);
  });

  it('finds no gutter on a page of one column', () => {
    const rows = rowsOf(column([...left, ...right], 72, 700));
    expect(findGutter(rows.flatMap((r) => r.fragments))).toBeNull();
  });
});

describe('turned and doubled text', () => {
  it('reads a page set turned a quarter as if upright, a watermark after its text', () => {
    // Text turned 90° counterclockwise runs up the page; its next line is to the right.
    const turned = [
      'A landscape table of prices,',
      'turned to fit the page,',
      'read in order.',
    ].map((line, i): TextRun => ({ ...run(line, 100 + 13 * i, 72), angle: 90 }));
    const watermark: TextRun = { ...run('DRAFT', 200, 300, 60), angle: 45 };
    const { text } = readingOrder([[watermark, ...turned.reverse()]]);
    expect(text).toBe('A landscape table of prices, turned to fit the page, read in order.\nDRAFT');
  });

  it('reads text drawn twice a hair apart (a fake bold) once', () => {
    const { text } = readingOrder([[run('Bold title', 72, 700), run('Bold title', 72.4, 700)]]);
    expect(text).toBe('Bold title');
  });
});

describe('running headers, footers and page numbers', () => {
  const page = (n: number, body: string): TextRun[] => [
    run('Quarterly Review of Trade', 72, 760, 8),
    run(body, 72, 700),
    run(`Quarterly Review, page ${n}`, 72, 40, 8),
  ];

  it('drops a header and footer repeated on three pages, page numbers aside', () => {
    const { text } = readingOrder([
      page(1, 'First page.'),
      page(2, 'Second page.'),
      page(3, 'Third page.'),
    ]);
    expect(text).toBe('First page.\nSecond page.\nThird page.');
  });

  it('drops a header whose text changes by chapter but whose number keeps step with the pages', () => {
    const chapters = [
      'Chapter 1: Sources',
      'Chapter 1: Sources',
      'Chapter 2: Methods',
      'Chapter 3: Findings',
    ];
    const { text } = readingOrder(
      chapters.map((chapter, i) => [
        run(`${chapter} ${i + 3}`, 72, 760, 8),
        run(['Sources.', 'Methods.', 'Findings.', 'Limits.'][i] ?? '', 72, 700),
      ]),
    );
    expect(text).toBe('Sources.\nMethods.\nFindings.\nLimits.');
  });

  it('keeps them in a document of two pages: too few to tell', () => {
    const { text } = readingOrder([page(1, 'First page.'), page(2, 'Second page.')]);
    expect(text).toContain('Quarterly Review of Trade');
  });

  it('drops a bare page number at either end of a page, but not a year', () => {
    const numbered = readingOrder([[run('- 2 -', 300, 760), run('Body text.', 72, 700)]]);
    expect(numbered.text).toBe('Body text.');
    const roman = readingOrder([[run('Body text.', 72, 700), run('xii', 300, 40)]]);
    expect(roman.text).toBe('Body text.');
    const year = readingOrder([[run('Founded in', 72, 700), run('2014', 72, 40)]]);
    expect(year.text).toBe('Founded in\n2014');
  });
});

describe('page spans', () => {
  it('gives a page without text an empty span where its text would be', () => {
    const { text, spans } = readingOrder([[run('One.', 72, 700)], [], [run('Three.', 72, 700)]]);
    expect(text).toBe('One.\nThree.');
    expect(spans).toEqual([
      { page: 1, start: 0, end: 4 },
      { page: 2, start: 4, end: 4 },
      { page: 3, start: 5, end: 11 },
    ]);
  });

  it('ends a page before a hyphen dropped at its foot', () => {
    const { text, spans } = readingOrder([
      [run('The shipments of inter-', 72, 700)],
      [run('national aid fell.', 72, 700)],
    ]);
    expect(text).toBe('The shipments of international aid fell.');
    expect(spans).toEqual([
      { page: 1, start: 0, end: 22 },
      { page: 2, start: 22, end: text.length },
    ]);
  });
});
