/**
 * The library pane's sections as tabs: Articles, Notes, Tags. Arrow keys move between tabs,
 * as in any ARIA tab list; the chosen one is remembered for the next start.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type SectionName = 'Articles' | 'Notes' | 'Tags';
const SECTIONS: SectionName[] = ['Articles', 'Notes', 'Tags'];
const REMEMBERED = 'marginalia.library-section';

function remembered(): SectionName {
  try {
    const value = window.localStorage.getItem(REMEMBERED);
    return SECTIONS.includes(value as SectionName) ? (value as SectionName) : 'Articles';
  } catch {
    return 'Articles';
  }
}

export function LibrarySections({ render }: { render: (section: SectionName) => ReactNode }) {
  const [current, setCurrent] = useState<SectionName>(remembered);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const choose = (section: SectionName) => {
    setCurrent(section);
    try {
      window.localStorage.setItem(REMEMBERED, section);
    } catch {
      // Not remembered; nothing else depends on it.
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = SECTIONS[(SECTIONS.indexOf(current) + step + SECTIONS.length) % SECTIONS.length]!;
    choose(next);
    tabs.current[SECTIONS.indexOf(next)]?.focus();
  };

  return (
    <>
      <div className="library-tabs" role="tablist" aria-label="Library sections" onKeyDown={onKeyDown}>
        {SECTIONS.map((section, index) => (
          <button
            key={section}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`library-tab-${section}`}
            aria-selected={section === current}
            aria-controls={`library-panel-${section}`}
            tabIndex={section === current ? 0 : -1}
            className="library-tab"
            onClick={() => choose(section)}
          >
            {section}
          </button>
        ))}
      </div>
      <div className="library-panel" role="tabpanel" id={`library-panel-${current}`} aria-labelledby={`library-tab-${current}`}>
        {render(current)}
      </div>
    </>
  );
}
