// Kept only so older imports keep compiling: the domain types are inferred from the contract's
// schemas (shared/api.ts) and the formats are read off shared/formats.ts. Import from those.
export type { ImportResult, Report, ReportMetadata, SearchHit } from './api.ts';
export type { ReportFormat } from './formats.ts';
