/** A highlight's conflict history on its card: the other versions' colour, tags and comment. */
import type { AnnotationView, ColorLegend } from '../../../src-main/common/model';
import { ColorSwatch, colorName } from '../../components/ColorSwatch';
import { CommentMarkdown } from '../../components/CommentMarkdown';
import { ConflictNotices, type FieldSpec } from '../../components/ConflictNotice';
import { shortenQuote } from '../../components/shorten-quote';
import { useLegend } from '../../state/useLegend';

type Version = Omit<AnnotationView, 'anchor' | 'conflicts' | 'revs'>;

const fieldsFor = (legend: ColorLegend): FieldSpec<Version>[] => [
  {
    label: 'Colour',
    read: (v) => v.color,
    show: (v) => (
      <span className="conflict-color">
        <ColorSwatch color={v.color} /> {legend[v.color] || colorName(v.color)}
      </span>
    ),
  },
  { label: 'Tags', read: (v) => v.tags, show: (v) => (v.tags.length > 0 ? v.tags.join(', ') : 'No tags') },
  { label: 'Comment', read: (v) => v.comment.trim(), show: (v) => (v.comment.trim() ? <CommentMarkdown source={v.comment} /> : 'No comment') },
];

export function HighlightConflicts({ annotation }: { annotation: AnnotationView }) {
  const legend = useLegend();
  if (!annotation.conflicts?.length) return null;
  return (
    <ConflictNotices
      kind="annotation"
      id={annotation.id}
      subject={`the highlight “${shortenQuote(annotation.target.quote.exact, 60)}”`}
      versions={annotation.conflicts}
      current={annotation}
      fields={fieldsFor(legend)}
    />
  );
}
