/** The calibration table of one strategy version, from the ledger and the positions it opened. */
import { type Db } from '../db/client';
import { listDecisionOutcomes } from '../db/queries/ai-decisions';
import { calibrate, type Calibration } from './calibration';

export async function versionCalibration(
  db: Db,
  params: { userId: string; strategyVersionId: string; bucketWidth?: number },
): Promise<Calibration> {
  return calibrate(await listDecisionOutcomes(db, params), params.bucketWidth);
}
