/**
 * A process that opens a notebook and syncs it, for the kill test: the real store, write path
 * and sync (without the search index, imports and exports, which a sync does not use and which
 * take seconds to load). It says "open" once the notebook is open (the sync starts right after),
 * then the sync's answer. Started from a bundle (test-support/child-bundle.ts) as `node sync-child.js DIR`.
 */
import { openStore } from '../../../store/notebook-store';
import { createCommitter } from '../../commit';
import { memoryCredentials } from '../credentials';
import { createSync } from '../sync-service';

const dir = process.argv[2];
if (!dir) throw new Error('usage: sync-child.ts DIR');
const now = () => new Date();
const store = await openStore(dir, { now });
const sync = createSync(store, createCommitter(store, now), now, { credentials: memoryCredentials() });
process.stdout.write('open\n');
const result = await sync.syncNotebook({});
process.stdout.write(`${JSON.stringify({ ok: true, result })}\n`);
await sync.close(false);
await store.close();
