/** "Change colour": a menu of the six colours, each named with its meaning. */
import { Palette } from 'lucide-react';
import { HIGHLIGHT_COLORS } from '../../../src-main/common/highlight-colors';
import type { HighlightColor } from '../../../src-main/common/model';
import { ColorSwatch, colorName } from '../../components/ColorSwatch';
import { MenuButton } from '../../components/MenuButton';
import { useLegend } from '../../state/useLegend';

export interface ColorMenuProps {
  color: HighlightColor;
  onPick: (color: HighlightColor) => void;
}

export function ColorMenu({ color, onPick }: ColorMenuProps) {
  const legend = useLegend();
  const items = HIGHLIGHT_COLORS.map((option) => ({
    key: option,
    label: (
      <>
        <ColorSwatch color={option} />
        <span>{colorName(option)}</span>
      </>
    ),
    hint: legend[option],
    checked: option === color,
    onSelect: () => {
      if (option !== color) onPick(option);
    },
  }));
  return (
    <MenuButton menuLabel="Colour" items={items} className="button button-quiet button-small button-icon-small" title="Change colour">
      <Palette aria-hidden="true" size={14} />
      <span className="visually-hidden">Change colour</span>
    </MenuButton>
  );
}
