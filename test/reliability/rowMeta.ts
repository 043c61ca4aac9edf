// What a matrix row records for the table: what it did and what the user or caller saw.
declare module 'vitest' {
  interface TaskMeta {
    /** What the row did, in a few words. */
    did?: string;
    /** What the user or caller saw. */
    saw?: string;
  }
}

/** The part of a test context a row writes to. */
export interface RowTask {
  task: { meta: { did?: string; saw?: string } };
}

/** Records what the row did; call it first, so a failing row still says what it tried. */
export function did(context: RowTask, text: string): void {
  context.task.meta.did = text;
}

/** Records what the user or caller saw; call it before the assertions, so a failing row shows it too. */
export function saw(context: RowTask, text: string): void {
  context.task.meta.saw = text;
}

/** A short, readable form of an error for the table. */
export function describeFailure(error: unknown): string {
  if (error && typeof error === 'object' && 'kind' in error) {
    const e = error as { name?: string; kind?: string; key?: string; status?: number };
    return `${e.name ?? 'Error'} { kind: '${e.kind}'${e.key ? `, key: '${e.key}'` : ''}${e.status !== undefined ? `, status: ${e.status}` : ''} }`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `resolved ${JSON.stringify(error)?.slice(0, 80)}`;
}

/** The rejection of `promise`, or `undefined` when it resolved. */
export async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}
