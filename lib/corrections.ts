import type { CorrectionView } from '@/db/queries/corrections';
import { formatDate } from './dates';

/** A note as the dashboard's corrections panel gets it: plain values, the date already in the newsroom's time zone. */
export interface CorrectionItem {
  id: string;
  kind: CorrectionView['kind'];
  body: string;
  createdAt: string;
  dateLabel: string;
  createdByName: string | null;
}

export const toCorrectionItem = (view: CorrectionView, timeZone: string): CorrectionItem => ({
  id: view.id,
  kind: view.kind,
  body: view.body,
  createdAt: view.createdAt.toISOString(),
  dateLabel: formatDate(view.createdAt, timeZone),
  createdByName: view.createdByName,
});
