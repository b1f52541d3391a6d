/** "1.2 MB" / "340 KB" for the list of chosen files. */
export function formatBytes(bytes: number, locale: string): string {
  const format = (value: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return bytes >= 1024 * 1024 ? `${format(bytes / 1024 / 1024)} MB` : `${format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
