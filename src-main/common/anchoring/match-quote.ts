/**
 * Target → range: where a stored highlight lands in the article's current canonical text.
 * The order follows hypothesis/client's anchoring: the stored position if the quote is still
 * there; else the quote itself wherever it occurs; else an approximate match of the quote.
 * Every candidate away from the stored position must also agree with the stored context
 * (see score-candidate.ts) — otherwise the highlight is orphaned rather than moved.
 */
import type { Span } from './approximate-search';
import { findApproximate } from './approximate-search';
import { findOccurrences, likeliestOccurrences } from './find-occurrences';
import type { Candidate, ScoredCandidate } from './score-candidate';
import { MIN_FUZZY_QUOTE, isConfident, scoreCandidate } from './score-candidate';
import { isDisplaced, snapToContext } from './snap-to-context';
import type { AnchorMethod, AnchorResult, TextTarget } from './types';

/**
 * How far around the stored position to look first. Edits elsewhere shift a passage by the net
 * length they added or removed above it; a near window finds it cheaply and before any distant
 * look-alike. The whole text is searched next.
 */
export const NEAR_WINDOW = 2048;
/** Rounds of "search, reject, mask, search again" per region before giving up. */
const MAX_ROUNDS = 2;

/**
 * Anchors `target` in `text`. Returns the span it now covers and how it was found, or
 * `orphaned` when no candidate is convincing. Never throws for any stored target.
 */
export function anchorTarget(text: string, target: TextTarget): AnchorResult {
  const { exact } = target.quote;
  if (exact.length === 0) return { status: 'orphaned', bestScore: null };
  const ranking = new Ranking(text, target);

  // a. The stored position, if the quote is still there. A short quote must also keep its exact
  // context there: after an edit above it, another "the" may have slid into its place, and a
  // context shifted by a few characters still looks similar. Short quotes whose context changed
  // are found by (b), which compares every occurrence.
  const { start, end } = target.position;
  if (start >= 0 && text.slice(start, end) === exact && (exact.length >= MIN_FUZZY_QUOTE || contextUnchanged(text, target))) {
    return anchored(scoreCandidate(text, target, { start, end, errors: 0 }), 'position');
  }

  // b. The exact occurrence that best agrees with the context and lies nearest the stored
  // position. A short quote recurs within a few characters ("t" in "that"), where the context
  // looks almost the same, only shifted: skip the occurrences the context places elsewhere.
  const short = exact.length < MIN_FUZZY_QUOTE;
  const occurrences = findOccurrences(text, exact);
  const ranked = ranking.rank(likeliestOccurrences(text, target, occurrences));
  const exactMatch = ranked.find(
    (candidate) => isConfident(candidate, exact.length) && !(short && isDisplaced(text, target.quote, candidate)),
  );
  if (exactMatch) return anchored(exactMatch, 'quote');
  if (short) return ranking.orphan();

  // c. Approximate matches, near the stored position first. The approximate search returns
  // only the matches with the fewest errors, so rejected ones are masked before searching on.
  const masked: Span[] = [...occurrences];
  for (const region of searchRegions(text, target)) {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const matches = findApproximate(text, exact, region, masked);
      if (matches.length === 0) break;
      const [best] = ranking.rank(matches.map((match) => snapToContext(text, target.quote, match)));
      if (best && isConfident(best, exact.length)) return anchored(best, 'fuzzy');
      masked.push(...matches);
    }
  }
  return ranking.orphan();
}

/** Scores candidates and remembers the best score seen, for the orphan's `bestScore`. */
class Ranking {
  private bestScore: number | null = null;

  constructor(
    private readonly text: string,
    private readonly target: TextTarget,
  ) {}

  /** `candidates` scored, best first: highest score, then nearest the stored position. */
  rank(candidates: readonly Candidate[]): ScoredCandidate[] {
    const scored = candidates.map((candidate) => scoreCandidate(this.text, this.target, candidate)).sort((a, b) => b.score - a.score);
    const best = scored[0]?.score;
    if (best !== undefined && (this.bestScore === null || best > this.bestScore)) this.bestScore = best;
    return scored;
  }

  orphan(): AnchorResult {
    return { status: 'orphaned', bestScore: this.bestScore };
  }
}

function anchored(candidate: ScoredCandidate, method: AnchorMethod): AnchorResult {
  return { status: 'anchored', start: candidate.start, end: candidate.end, method, score: candidate.score };
}

function contextUnchanged(text: string, { quote, position }: TextTarget): boolean {
  return (
    position.start >= quote.prefix.length &&
    text.slice(position.start - quote.prefix.length, position.start) === quote.prefix &&
    text.slice(position.end, position.end + quote.suffix.length) === quote.suffix
  );
}

/** The window around the stored position, then the whole text if the window is not all of it. */
function searchRegions(text: string, target: TextTarget): Span[] {
  const start = Math.max(0, Math.min(target.position.start, text.length) - NEAR_WINDOW);
  const end = Math.min(text.length, start + target.quote.exact.length + 2 * NEAR_WINDOW);
  const whole = { start: 0, end: text.length };
  return start === 0 && end === text.length ? [whole] : [{ start, end }, whole];
}
