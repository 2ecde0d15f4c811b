/**
 * Tags and highlight colours → the project's CodeBook. A tag is a path (`region/east-asia`):
 * each segment is a code nested in the code of the segment before it, all codable, because a
 * notebook may tag with `region` as well as with `region/east-asia`. Colours, when asked for,
 * are codes named by the legend's meaning under one folder code that is not itself codable.
 */
import { HIGHLIGHT_COLORS } from '../../../common/highlight-colors';
import type { ColorLegend, HighlightColor } from '../../../common/model';
import { el, type XmlElement } from './qde-xml';
import { qdpxGuid } from './qdpx-guid';

/**
 * The colours QDA tools paint coded passages with: the notebook's light-theme highlight
 * backgrounds (src-renderer/styles/highlights.css), so a passage looks as it did when it was marked.
 */
export const COLOR_HEX: Record<HighlightColor, string> = {
  yellow: '#FDEB9C',
  green: '#CDEBC4',
  blue: '#CFE3FB',
  pink: '#FBD3E3',
  purple: '#E3D6F7',
  orange: '#FDD8B5',
};

export const COLORS_FOLDER = 'Highlight colours';

export interface Codebook {
  /** The CodeBook element; undefined when nothing is coded (the schema wants at least one code). */
  element: XmlElement | undefined;
  /** The GUID of the code for `tag`, if it has any segment. */
  tagCode(tag: string): string | undefined;
  /** The GUID of the code for `color`, if colours are exported and the colour is used. */
  colorCode(color: HighlightColor): string | undefined;
}

/** The segments of a tag, trimmed, without empty ones (a stored tag may predate normalisation). */
export function tagPath(tag: string): string[] {
  return tag
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment.length > 0);
}

interface CodeNode {
  name: string;
  path: string;
  children: Map<string, CodeNode>;
}

export function buildCodebook(tags: Iterable<string>, colors: ReadonlySet<HighlightColor>, legend: ColorLegend): Codebook {
  const root = new Map<string, CodeNode>();
  for (const tag of tags) {
    let level = root;
    const segments = tagPath(tag);
    segments.forEach((name, i) => {
      let node = level.get(name);
      if (!node) {
        node = { name, path: segments.slice(0, i + 1).join('/'), children: new Map() };
        level.set(name, node);
      }
      level = node.children;
    });
  }
  const tagGuid = (path: string) => qdpxGuid('code', `tag:${path}`);
  const codeElement = (node: CodeNode): XmlElement =>
    el('Code', { guid: tagGuid(node.path), name: node.name, isCodable: 'true' }, sortedNodes(node.children).map(codeElement));

  const usedColors = HIGHLIGHT_COLORS.filter((color) => colors.has(color));
  const colorGuid = (color: HighlightColor) => qdpxGuid('code', `colour:${color}`);
  const colorNames = colorCodeNames(usedColors, legend);
  const colorFolder =
    usedColors.length > 0 &&
    el(
      'Code',
      { guid: qdpxGuid('code', 'colours'), name: COLORS_FOLDER, isCodable: 'false' },
      usedColors.map((color) =>
        el('Code', { guid: colorGuid(color), name: colorNames.get(color), isCodable: 'true', color: COLOR_HEX[color] }, [
          el('Description', {}, `Passages highlighted in ${color} in Marginalia.`),
        ]),
      ),
    );

  const codes = [...sortedNodes(root).map(codeElement), colorFolder];
  return {
    element: codes.some(Boolean) ? el('CodeBook', {}, [el('Codes', {}, codes)]) : undefined,
    tagCode: (tag) => {
      const path = tagPath(tag);
      return path.length > 0 ? tagGuid(path.join('/')) : undefined;
    },
    colorCode: (color) => (colors.has(color) ? colorGuid(color) : undefined),
  };
}

/** Codes in name order, compared by code unit so the order never depends on the machine's locale. */
function sortedNodes(nodes: Map<string, CodeNode>): CodeNode[] {
  return [...nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The legend's meaning for each colour; the colour's name where the meaning is blank or shared. */
function colorCodeNames(colors: readonly HighlightColor[], legend: ColorLegend): Map<HighlightColor, string> {
  const meaning = (color: HighlightColor) => legend[color].replace(/\s+/g, ' ').trim();
  const counts = new Map<string, number>();
  for (const color of colors) counts.set(meaning(color), (counts.get(meaning(color)) ?? 0) + 1);
  return new Map(
    colors.map((color) => {
      const name = meaning(color);
      if (name === '') return [color, color];
      return [color, counts.get(name)! > 1 ? `${name} (${color})` : name];
    }),
  );
}
