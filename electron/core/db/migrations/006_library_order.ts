// The library's order (by outlet, newest first, then id) read from one covering index: at 50,000
// reports, scanning it takes milliseconds where sorting the reports' rows took a few hundred.
export const sql = /* sql */ `
CREATE INDEX reports_library ON reports(outlet_id, published_at DESC, id);
DROP INDEX reports_outlet;
`;
