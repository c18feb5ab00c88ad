/**
 * The key of an entity everywhere CreditLens stores something about it — private notes, snapshots, the team
 * document: its Unified Social Credit Code, or `name:<entity name>` when the page shows none.
 */

export function entityKey(entity: { name: string; uscc?: string | undefined }): string {
  const uscc = entity.uscc?.trim().toUpperCase();
  return uscc ? uscc : `name:${entity.name.trim()}`;
}
