import type { CSSProperties } from 'react';

/**
 * A dark theme from the field's `--voucherkit-*` colour properties alone: the Appearance story's brand theme and the
 * screenshot tests' dark variant both start from it.
 *
 * @example
 * <VoucherField style={{ ...darkThemeColors, '--voucherkit-radius': '999px' } as CSSProperties} />
 */
export const darkThemeColors = {
  '--voucherkit-color-text': '#f3f4f6',
  '--voucherkit-color-muted': '#c3c8d0',
  '--voucherkit-color-background': '#0f172a',
  '--voucherkit-color-border': '#8b95a7',
  '--voucherkit-color-accent': '#a5b4fc',
  '--voucherkit-color-accent-text': '#111827',
  '--voucherkit-color-error': '#fca5a5',
  '--voucherkit-color-success': '#86efac',
  '--voucherkit-color-chip': '#1e293b',
  '--voucherkit-color-focus': '#fde68a',
} as CSSProperties;
