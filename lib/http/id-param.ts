import { AppError } from '../errors/app-error';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `[id]` route segment, which must be a uuid (anything else is simply not found). */
export async function idParam(context: { params: Promise<{ id: string }> }): Promise<string> {
  const { id } = await context.params;
  if (!uuid.test(id)) throw new AppError('not_found', 'Not found.');
  return id;
}
