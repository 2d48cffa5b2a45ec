import { AppError } from '../errors/app-error';
import { isUuid } from '../core/is-uuid';

/** The `[id]` route segment, which must be a uuid (anything else is simply not found). */
export async function idParam(context: { params: Promise<{ id: string }> }): Promise<string> {
  const { id } = await context.params;
  if (!isUuid(id)) throw new AppError('not_found', 'Not found.');
  return id;
}
