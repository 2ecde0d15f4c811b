/** The open article: toolbar, header and body, plus its rename field and delete dialog. */
import { useCallback, useRef, useState } from 'react';
import type { ArticleView } from '../../../src-main/common/model';
import { report } from '../../state/status-store';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { DeleteArticleDialog } from './DeleteArticleDialog';
import { ReaderToolbar } from './ReaderToolbar';

export function OpenArticle({ view }: { view: ArticleView }) {
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);

  const onRenameDone = useCallback(() => {
    setRenaming(false);
    renameButton.current?.focus();
  }, []);

  const onLinkClick = useCallback((href: string) => {
    report(`Links do not open from the reader yet. This one goes to ${href}`);
  }, []);

  return (
    <>
      <ReaderToolbar renameButton={renameButton} onRename={() => setRenaming(true)} onDelete={() => setDeleting(true)} />
      <article className="article">
        <ArticleHeader view={view} renaming={renaming} onRenameDone={onRenameDone} />
        <ArticleBody doc={view.doc} onLinkClick={onLinkClick} />
      </article>
      {deleting ? <DeleteArticleDialog article={view} onClose={() => setDeleting(false)} /> : null}
    </>
  );
}
