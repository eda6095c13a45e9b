/**
 * The one shape of a change to a versioned resource (sessions, courses): the version named
 * by If-Match, when sent, is claimed before the change runs (a stale one is a 412 and
 * nothing changes), the change runs, and the answer carries the resource's new ETag, so a
 * client can chain edits without reading again.
 */
import type { Context } from 'hono';
import type { Actor } from '../../features/people/actor.ts';
import type { ApiEnv } from './env.ts';
import { etagOf, ifMatchVersion } from './etag.ts';
import { send } from './send.ts';

export interface VersionedResource<Result> {
  /** Claims `version` atomically, or throws (412 when it is not the current one). */
  claim(actor: Actor, id: string, version: Date): Promise<unknown>;
  /** The version after the change: read again, or taken from what the change returned. */
  versionAfter(actor: Actor, id: string, result: Result): Promise<Date> | Date;
}

/** Returns the handler body for every versioned change of one kind of resource. */
export function versionedChange<Result>(resource: VersionedResource<Result>) {
  return async <T extends Result>(
    c: Context<ApiEnv>,
    id: string,
    change: (actor: Actor) => Promise<T>,
    // Typed as loosely as send(): the contract test checks answers against their schemas.
  ): Promise<ReturnType<typeof send>> => {
    const actor = c.get('actor');
    const version = ifMatchVersion(c.req.header('if-match'));
    if (version) await resource.claim(actor, id, version);
    const result = await change(actor);
    return send(c, result, 200, { ETag: etagOf(await resource.versionAfter(actor, id, result)) });
  };
}
