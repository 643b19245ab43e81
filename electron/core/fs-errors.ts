/** Why a file could not be read, in plain words ("no such file or folder", not "ENOENT"). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code ?? '') {
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'no such file or folder (a part of the path is a file, not a folder)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a link that points to itself?)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'a folder where a file was expected';
    default:
      return `cannot read (${code ?? (error as Error).message})`;
  }
}
