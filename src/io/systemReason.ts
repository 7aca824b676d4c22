/** A file system error in words a clerk can act on (the system's code stays in brackets for support). */
export function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '書き込む権限がありません';
    case 'EROFS':
      return '読み取り専用の場所です';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ディスクの空きがありません';
    case 'ENOENT':
      return 'この場所にはフォルダを作成できません';
    case 'ENOTDIR':
      return '途中にフォルダではなくファイルがあります';
    case 'EISDIR':
      return '同じ名前のフォルダがあります';
    case 'ENAMETOOLONG':
      return '名前が長すぎます';
    case 'EEXIST':
      return '同じ名前のものがすでにあります';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'ほかのプログラムが使用中です';
    case 'EXDEV':
      return '別のドライブをまたいで置き換えることはできません';
    case 'EIO':
      return '装置の読み書きに失敗しました';
    default:
      return code ? `システムのエラー ${code}` : String((err as Error | undefined)?.message ?? err);
  }
}
