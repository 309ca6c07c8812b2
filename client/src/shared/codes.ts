/** A code as typed: "123 456" is "123456"; a recovery code keeps its letters and dashes. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '');
}
