import { badInput } from '../../common/errors';

/** Shortest and longest password accepted for a new password (argon2 hashes any length). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The most common passwords of public breach corpora (lower case), refused outright. A short
 * list on purpose: length does most of the work; this stops the guesses tried first.
 */
const COMMON = new Set(
  [
    '1234567890', '12345678910', '0123456789', '1111111111', '0000000000', '1234512345', '9876543210', 'qwertyuiop', 'qwerty1234',
    'qwerty123456', 'password1', 'password12', 'password123', 'password1234', 'password!', 'passw0rd123', 'p@ssw0rd123', 'p@ssword123',
    'iloveyou123', 'abcdefghij', 'abc1234567', 'abcd123456', 'a1b2c3d4e5', '1q2w3e4r5t', '1qaz2wsx3edc', 'zaq12wsxcde3', 'qazwsxedc123',
    'letmein123', 'welcome123', 'welcome1234', 'admin12345', 'administrator', 'changeme123', 'trustno1234', 'football123', 'baseball123',
    'superman123', 'batman12345', 'sunshine123', 'princess123', 'dragon12345', 'monkey12345', 'master12345', 'shadow12345', 'michael123',
    'jennifer123', 'computer123', 'internet123', 'starwars123', 'whatever123', 'liverpool123', 'chelsea1234', 'arsenal1234', 'mustang1234',
    'access12345', 'secret12345', 'hello12345', 'freedom1234', 'qwertyuiop1', 'asdfghjkl1', 'asdfghjkl123', 'zxcvbnm123', 'zxcvbnm1234',
    'passwordpassword', 'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026', 'spring2026', 'autumn2026',
    'atrium12345', 'atriumpassword', 'correcthorsebatterystaple', 'letmeinplease', 'iloveyou1234', 'password2024', 'password2025', 'password2026',
  ],
);

/**
 * Why `password` is not acceptable for the account `email`, or null when it is. Rules: 10 to 200
 * characters, not one character repeated, not the address or its name part, not a common password.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (!password.trim()) return 'A password cannot be only spaces.';
  if (new Set(password).size < 3) return 'Use more than one or two different characters.';
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lower === address || lower.includes(address) || (local.length >= 4 && lower.includes(local))) {
    return 'Do not use your email address in your password.';
  }
  if (COMMON.has(lower)) return 'This password is too common; choose another.';
  return null;
}

/** Throws BAD_USER_INPUT naming `field` when the password breaks the policy. */
export function checkPasswordPolicy(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw badInput(problem, [{ field, message: problem }]);
}
