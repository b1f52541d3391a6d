import { html, nothing, type TemplateResult } from 'lit';
import type { ReportRow } from '../../../analytics/index.js';
import type { League } from './league.js';

/**
 * The league table's bodies, the same in the dashboard and the report: the ranked rows, then the
 * rows kept apart (small samples) under a heading spanning `columns`. `cells` draws a row's cells
 * (`rank` null for a row kept apart).
 */
export function leagueBodies(
  { ranked, apart }: League,
  columns: number,
  apartHeading: string,
  cells: (row: ReportRow, rank: number | null) => unknown,
): TemplateResult {
  return html`<tbody>
      ${ranked.map(({ row, rank }) => html`<tr data-key=${JSON.stringify(row.key)}>${cells(row, rank)}</tr>`)}
    </tbody>
    ${apart.length
      ? html`<tbody class="apart">
          <tr>
            <th scope="rowgroup" colspan=${columns} class="group-head">${apartHeading}</th>
          </tr>
          ${apart.map((row) => html`<tr data-key=${JSON.stringify(row.key)} class="flagged">${cells(row, null)}</tr>`)}
        </tbody>`
      : nothing}`;
}
