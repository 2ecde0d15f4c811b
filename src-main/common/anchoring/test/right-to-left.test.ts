import { describe, expect, it } from 'vitest';
import { corpusText, hasCorpusPage } from '../../../../bench/support/corpus-prose';
import { describeRange } from '../describe-range';
import { findOccurrences } from '../find-occurrences';
import { anchorTarget } from '../match-quote';

/** Arabic news prose (with a few diacritics and Latin digits, as real articles have). */
const ARABIC = [
  'طوكيو: اتفق وزراء الدفاع والخارجية في اليابان والولايات المتحدة على تعزيز تعاونهما العسكري من خلال تطوير قيادة القوات الأمريكية في البلاد، ووصفوا التهديد المتزايد من الصين بأنه «التحدي الاستراتيجي الأكبر».',
  'وانضم وزيرا الخارجية والدفاع الأمريكيان إلى نظيريهما اليابانيين في اجتماع لجنة الأمن المشتركة في طوكيو، المعروف بمحادثات «2+2»، حيث أكّدوا من جديد متانة تحالفهما الثنائي.',
  'واليابان موطن لأكثر من 50,000 جندي أمريكي، لكن قائد القُوّات الأمريكية في اليابان لا يملك سلطة قيادية. وبدلاً من ذلك تأتي التعليمات من قيادة المحيطين الهندي والهادئ في هاواي.',
  'وقال البيان المشترك إن سياسة الصين الخارجية تمثل «التحدي الاستراتيجي الأكبر» في منطقة المحيطين الهندي والهادئ وما وراءها.',
].join('\n\n');

const HEBREW = [
  'טוקיו: שרי ההגנה והחוץ של יפן וארצות הברית הסכימו להדק את שיתוף הפעולה הצבאי ביניהם.',
  'לדבריהם, האיום הגובר מצד סין הוא „האתגר האסטרטגי הגדול ביותר” באזור.',
].join('\n\n');

const at = (text: string, quote: string, nth = 0) => {
  const found = findOccurrences(text, quote)[nth];
  if (!found) throw new Error(`"${quote}" not in text`);
  return { start: found.start, end: found.end };
};

describe('right-to-left prose', () => {
  const quote = 'تطوير قيادة القوات الأمريكية في البلاد';
  const { start, end } = at(ARABIC, quote);
  const target = describeRange(ARABIC, start, end);

  it.each<[string, string, string, 'position' | 'quote' | 'fuzzy']>([
    ['unchanged', ARABIC, quote, 'position'],
    ['a paragraph added before', `عاجل: تحديث للخبر.\n\n${ARABIC}`, quote, 'quote'],
    ['a word changed inside', ARABIC.replace('قيادة القوات', 'قيادة القُوّات'), 'تطوير قيادة القُوّات الأمريكية في البلاد', 'fuzzy'],
    ['a word inserted inside', ARABIC.replace('القوات الأمريكية في', 'القوات الأمريكية المنتشرة في'), 'تطوير قيادة القوات الأمريكية المنتشرة في البلاد', 'fuzzy'],
  ])('anchors an Arabic quote: %s', (_, edited, expected, method) => {
    expect(anchorTarget(edited, target)).toMatchObject({ status: 'anchored', method, ...at(edited, expected) });
  });

  it('keeps each of two identical Arabic phrases apart, and orphans one whose paragraph went', () => {
    const phrase = '«التحدي الاستراتيجي الأكبر»';
    const paragraphs = ARABIC.split('\n\n');
    for (const nth of [0, 1]) {
      const target = describeRange(ARABIC, at(ARABIC, phrase, nth).start, at(ARABIC, phrase, nth).end);
      const shifted = `عاجل: تحديث للخبر.\n\n${ARABIC}`;
      expect(anchorTarget(shifted, target)).toMatchObject({ method: 'quote', ...at(shifted, phrase, nth) });
    }
    const first = describeRange(ARABIC, at(ARABIC, phrase).start, at(ARABIC, phrase).end);
    expect(anchorTarget(paragraphs.slice(1).join('\n\n'), first)).toMatchObject({ status: 'orphaned' });
  });

  it('anchors Hebrew across a paragraph break', () => {
    const quote = 'ביניהם.\n\nלדבריהם';
    const target = describeRange(HEBREW, at(HEBREW, quote).start, at(HEBREW, quote).end);
    const edited = `עדכון.\n\n${HEBREW}`;
    expect(anchorTarget(HEBREW, target)).toMatchObject({ method: 'position', ...at(HEBREW, quote) });
    expect(anchorTarget(edited, target)).toMatchObject({ method: 'quote', ...at(edited, quote) });
  });

  // The corpus's rtl pages are Latin filler laid out right to left, and their third paragraph
  // repeats most of the second: a good test of telling identical passages apart.
  for (const page of ['rtl-1', 'rtl-2']) {
    if (!hasCorpusPage(page)) console.warn(`skipped ${page}: it is not in /work/shared/corpus/web-pages`);
    it.skipIf(!hasCorpusPage(page))(`tells repeated passages of ${page} apart by position`, () => {
      const text = corpusText(page);
      const repeated = 'Ut enim ad minim veniam, quis nostrud exercitation';
      expect(findOccurrences(text, repeated)).toHaveLength(2);
      for (const nth of [0, 1]) {
        const target = describeRange(text, at(text, repeated, nth).start, at(text, repeated, nth).end);
        const edited = `Lorem ipsum.\n\n${text}`;
        expect(anchorTarget(edited, target)).toMatchObject({ method: 'quote', ...at(edited, repeated, nth) });
      }
    });
  }
});
