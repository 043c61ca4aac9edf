import type { ReactNode } from 'react';

/**
 * One labelled value as a table row: a row header and its cell, so screen readers read "Total, $57.50" and
 * tests find the row by its name.
 */
export function DetailRow({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <tr className={className}>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
