/**
 * Files dragged onto the window: a full-window overlay says "Drop to import" while they are
 * over it, and dropping them imports them: articles as articles, bundles and annotation files
 * (.marginalia.json, .jsonld, .json, .qdpx) merged through the exchange import. Dragging text
 * or links shows nothing, and a drop never makes the window navigate to the file.
 */
import { useEffect, useRef, useState } from 'react';
import { FileDown } from 'lucide-react';
import { importFiles } from './import-runner';
import { importExchangeFiles, isExchangeFile } from './exchange-import';

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
      const exchange = files.filter((file) => isExchangeFile(file.name));
      const articles = files.filter((file) => !isExchangeFile(file.name));
      if (articles.length > 0) void importFiles(articles);
      if (exchange.length > 0) void importExchangeFiles(exchange);
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
        <p className="drop-overlay-hint">Bundles (.marginalia.json), annotations (.jsonld, .json) and REFI-QDA projects (.qdpx) are merged.</p>
      </div>
    </div>
  );
}
