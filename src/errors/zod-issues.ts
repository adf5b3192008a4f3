/** How a zod validation failure reads in errors and repair prompts: `path.to.field: message`. */
import type { z } from 'zod';

/**
 * One line per issue, `path: message`; an issue of the whole value gets `root` as its path
 * (default `(root)`).
 */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], root = '(root)'): string[] {
  return issues.map((issue) => `${issue.path.join('.') || root}: ${issue.message}`);
}
