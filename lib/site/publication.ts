/**
 * Which posts a build publishes. Production and branch deploys show only what
 * is live; local previews and Netlify deploy previews also show drafts and
 * scheduled posts (with a banner) so editors can review them before merge.
 */
import type { DeployContext } from "./settings.ts";

export interface PublicationState {
  draft: boolean;
  date: Date;
}

export function showsUnpublished(context: DeployContext): boolean {
  return context === "dev" || context === "deploy-preview";
}

/** Search engines must not index anything but the production site. */
export function isIndexable(context: DeployContext): boolean {
  return context === "production";
}

export function isScheduled(post: PublicationState, now: Date): boolean {
  return post.date.getTime() > now.getTime();
}

export function isLive(post: PublicationState, now: Date): boolean {
  return !post.draft && !isScheduled(post, now);
}

export function isPublished(post: PublicationState, context: DeployContext, now: Date): boolean {
  return isLive(post, now) || showsUnpublished(context);
}
