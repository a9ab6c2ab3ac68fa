/** A text field of a submitted form ('' when absent or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Input props of a 6-digit code, typed with or without a space in the middle ("123 456"). */
export const codeInputSlotProps = {
  htmlInput: { inputMode: 'numeric', pattern: '[0-9 ]{6,7}', maxLength: 7 },
} as const;
