/** A text field of a submitted form ('' when absent or a file). */
export function formField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
