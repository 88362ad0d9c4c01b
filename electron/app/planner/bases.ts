/** A worker's base, where the planner measures their travel from. */
import type { z } from 'zod';
import type { WorkerBaseInput } from '../../../shared/domain/planner.ts';
import { AppError } from '../../../shared/errors.ts';
import { write, type WriteContext } from '../db/write.ts';
import { updateWorkerBase } from './repo.ts';

export function setWorkerBase(ctx: WriteContext, input: z.output<typeof WorkerBaseInput>): { changed: boolean } {
  return write(ctx, (audit, at) => {
    try {
      const changed = updateWorkerBase(ctx.db, input.personId, { urn: input.baseUrn, easting: input.easting, northing: input.northing }, at) > 0;
      if (!changed) throw new AppError('not_found', 'That worker is not in this team database.');
      audit('person', input.personId, 'set-base', input.baseUrn ? 'at a school' : input.easting !== null ? 'at a point' : 'none');
      return { changed };
    } catch (error) {
      if (error instanceof Error && /FOREIGN KEY/.test(error.message)) throw new AppError('not_found', `No school has URN ${input.baseUrn ?? ''} in this team database.`);
      throw error;
    }
  });
}
