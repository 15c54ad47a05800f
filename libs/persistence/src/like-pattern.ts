/**
 * A LIKE pattern matching text literally. The wildcards % and _ are dropped rather than escaped: escaping
 * differs between PostgreSQL and SQLite (which needs an ESCAPE clause), and neither occurs in case ids or
 * real unit names.
 */
export function likePattern(text: string, where: 'prefix' | 'anywhere'): string {
  const literal = text.replace(/[%_]/g, '');
  return where === 'prefix' ? `${literal}%` : `%${literal}%`;
}
