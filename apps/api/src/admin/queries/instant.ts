/**
 * The instant an API date stands for. The DTOs (IsInstant) let through only days and zoned times, which
 * JavaScript reads unambiguously; anything else reaching here is a caller that skipped validation.
 */
export function instantFrom(value: string, field: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${field} is not a date: validate it with IsInstant`);
  return instant;
}
