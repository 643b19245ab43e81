// The report formats the desk reads, and the file extensions that name them: the importer, the
// command line, the app's file dialogs and the page's file pickers all take them from here.

export const REPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'mhtml', 'pdf', 'image'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Each extension the importer accepts (lower case, with its dot), and the format it is read as. */
export const FORMAT_BY_EXTENSION = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.mhtml': 'mhtml',
  '.mht': 'mhtml',
  '.pdf': 'pdf',
  // A photographed or scanned page, read by OCR.
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
} as const satisfies Record<`.${string}`, ReportFormat>;

/** The media type an original of each format is stored under (the originals table). */
export const MEDIA_TYPE_BY_FORMAT = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  // RFC 2557: a web archive is a multipart/related message.
  mhtml: 'multipart/related',
  pdf: 'application/pdf',
  // The PNG's; a JPEG is stored as image/jpeg (mediaTypeOf).
  image: 'image/png',
} as const satisfies Record<ReportFormat, string>;

/** The media type an original named `fileName` (of a format the desk reads) is stored under. */
export function mediaTypeOf(format: ReportFormat, fileName: string): string {
  if (format === 'image' && /\.jpe?g$/i.test(fileName)) return 'image/jpeg';
  return MEDIA_TYPE_BY_FORMAT[format];
}

export type ReportExtension = keyof typeof FORMAT_BY_EXTENSION;

export const REPORT_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION) as ReportExtension[];

/** The `accept` attribute of a file picker for reports. */
export const REPORT_ACCEPT = REPORT_EXTENSIONS.join(',');

/** The format of a file by its extension (any case); undefined when the desk does not read it. */
export function formatOfExtension(extension: string): ReportFormat | undefined {
  const ext = extension.toLowerCase();
  return Object.hasOwn(FORMAT_BY_EXTENSION, ext)
    ? FORMAT_BY_EXTENSION[ext as ReportExtension]
    : undefined;
}
