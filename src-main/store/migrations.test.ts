import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate, type Migration } from './migrations';

describe('migrations', () => {
  const steps: Migration[] = [
    // Deliberately out of order: steps run by ascending `to`.
    { to: 3, describe: 'rename name → title', migrate: ({ name, ...rest }) => ({ ...rest, title: name }) },
    { to: 2, describe: 'add tags', migrate: (data) => ({ ...data, tags: [] }) },
  ];

  it('applies every step after the file version, in order, and stamps the new version', () => {
    expect(migrate({ schemaVersion: 1, name: 'Old' }, steps, 3)).toEqual({
      data: { schemaVersion: 3, title: 'Old', tags: [] },
      from: 1,
      migrated: true,
    });
    expect(migrate({ schemaVersion: 2, name: 'Mid', tags: ['x'] }, steps, 3).data).toEqual({ schemaVersion: 3, title: 'Mid', tags: ['x'] });
  });

  it('leaves a current file untouched', () => {
    expect(migrate({ schemaVersion: 3, title: 'New' }, steps, 3)).toEqual({ data: { schemaVersion: 3, title: 'New' }, from: 3, migrated: false });
  });

  it.each([
    [{ schemaVersion: 4 }, /newer Marginalia/],
    [{ schemaVersion: 'one' }, /no valid schemaVersion/],
    [{}, /no valid schemaVersion/],
    [[1, 2], /JSON object/],
    [null, /JSON object/],
  ])('refuses %j', (raw, message) => {
    expect(() => migrate(raw, steps, 3)).toThrow(message);
  });

  it('has a step for every version up to the current one', () => {
    const targets = MIGRATIONS.map((m) => m.to).sort((a, b) => a - b);
    expect(targets).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 2));
  });
});
