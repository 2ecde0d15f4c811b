// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleDate, articleDate } from './ArticleDate';

afterEach(cleanup);

describe('articleDate', () => {
  it.each([
    [{ publishedAt: '2024-07-28', createdAt: '2025-01-02T10:00:00.000Z' }, '28 Jul 2024'],
    [{ publishedAt: '2023-09-01', createdAt: '2025-01-02T10:00:00.000Z' }, '1 Sep 2023'],
    [{ createdAt: '2024-12-15T12:00:00.000Z' }, '15 Dec 2024'],
    [{ createdAt: 'not a date' }, ''],
  ])('shows %o as "%s"', (meta, label) => {
    expect(articleDate(meta).label).toBe(label);
  });

  it('prefers the published date and marks it up as <time>', () => {
    const { container } = render(<ArticleDate meta={{ publishedAt: '2024-07-28', createdAt: '2025-01-02T10:00:00.000Z' }} />);
    const time = container.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2024-07-28');
    expect(time?.textContent).toBe('28 Jul 2024');
  });
});
