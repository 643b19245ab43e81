// The claims benches' desk: 10,000 claims over 100,000 evidence links on 20,000 passages of 2,000
// realistic reports, 20 outlets and 200 named sources (a quarter citing another).
import { join } from 'node:path';
import { openDesk } from '../../electron/core/db/connection.ts';
import { proseText, seededRandom } from './corpus.ts';

export const CLAIMS = 10_000;
export const LINKS = 100_000;
const REPORTS = 2_000;
const PASSAGES_PER_REPORT = 10;
const OUTLETS = 20;
const NAMED = 200;

/** Builds the desk in `work`; returns it open, and its file. */
export function buildClaimsDesk(work: string) {
  const file = join(work, 'desk.sqlite');
  const random = seededRandom(11);
  const { db } = openDesk(file);
  // A desk records who made each change, and refuses a change before a reviewer is named.
  db.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', 'Bench')`).run();
  const now = '2026-01-01T00:00:00Z';
  db.transaction(() => {
    for (let o = 1; o <= OUTLETS; o++) {
      db.prepare('INSERT INTO outlets (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(
        o,
        `Outlet ${o}`,
        `outlet${o}`,
        now,
      );
      db.prepare(
        `INSERT INTO sources (outlet_id, name, kind, created_at) VALUES (?, ?, 'outlet', ?)`,
      ).run(o, `Outlet ${o}`, now);
    }
    for (let s = 0; s < NAMED; s++) {
      const derives = s > 20 && random(4) === 0 ? OUTLETS + 1 + random(s) : null;
      db.prepare(
        'INSERT INTO sources (outlet_id, name, derives_from_id, kind, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(1 + random(OUTLETS), `Source ${s}`, derives, 'named', now);
    }
    const text = db.prepare('INSERT INTO texts (sha256, body, chars) VALUES (?, ?, ?)');
    const report = db.prepare(
      `INSERT INTO reports (id, sha256, title, outlet_id, format, original_name, imported_at) VALUES (?, ?, ?, ?, 'txt', ?, ?)`,
    );
    const passage = db.prepare(
      `INSERT INTO passages (report_id, sha256, position_start, position_end, exact, prefix, suffix, source_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?)`,
    );
    for (let r = 1; r <= REPORTS; r++) {
      const body = proseText(2000, random);
      const sha = r.toString(16).padStart(64, '0');
      text.run(sha, body, body.length);
      report.run(r, sha, `Report ${r}`, 1 + random(OUTLETS), `r${r}.txt`, now);
      for (let p = 0; p < PASSAGES_PER_REPORT; p++) {
        const start = p * 190;
        const sourceId = random(3) === 0 ? OUTLETS + 1 + random(NAMED) : null;
        passage.run(r, sha, start, start + 150, body.slice(start, start + 150), sourceId, now, now);
      }
    }
    const claim = db.prepare(
      'INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    const link = db.prepare(
      'INSERT OR IGNORE INTO evidence (claim_id, passage_id, stance, credibility, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const stances = ['supports', 'supports', 'supports', 'contradicts', 'context'];
    let links = 0;
    for (let c = 1; c <= CLAIMS; c++) {
      claim.run(c, `Claim ${c}`, now, now);
      for (let e = 0; e < LINKS / CLAIMS; e++) {
        links += link.run(
          c,
          1 + random(REPORTS * PASSAGES_PER_REPORT),
          stances[random(stances.length)],
          1 + random(6),
          now,
        ).changes;
      }
    }
    console.log(
      `desk: ${CLAIMS} claims, ${links} evidence links, ${REPORTS * PASSAGES_PER_REPORT} passages, ${OUTLETS} outlets, ${NAMED} named sources`,
    );
  })();
  db.pragma('optimize');
  return { db, file };
}
