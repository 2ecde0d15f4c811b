/**
 * Files dragged onto the window: a full-window overlay says "Drop to import" while they are
 * over it, and dropping them imports them. Dragging text or links shows nothing, and a drop
 * never makes the window navigate to the file.
 */
import { useEffect, useRef, useState } from 'react';
import { FileDown } from 'lucide-react';
import { importFiles } from './import-runner';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function DropZone() {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every element crossed; the depth tells when the drag left the window.
  const depth = useRef(0);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setOver(true);
    };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) void importFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!over) return null;
  return (
    <div className="drop-overlay" role="region" aria-label="Drop to import">
      <div className="drop-overlay-card">
        <FileDown aria-hidden="true" size={36} />
        <p className="drop-overlay-title">Drop to import</p>
        <p className="drop-overlay-hint">Web pages (.html), text, Markdown or PDF files — several at once.</p>
      </div>
    </div>
  );
}
