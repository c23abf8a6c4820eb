/**
 * The images a list request asks for (daemon/images/image_list.go Images, the graph-driver image store of
 * 27.5): the filter keys are checked (acceptedImageFilterTags), dangling is a boolean, before and since name
 * images (GetImage: a reference or an id prefix, oldest "before" and newest "since" win), until is a time
 * (api/types/time), label a key list against Config.Labels, reference a path.Match glob against each tag's
 * familiar "name:tag" and then its name. Newest first. Every image here is tagged and has no child, so
 * dangling=true lists none and an image without a matching tag is left out.
 */
import { DockerError, invalid, notFound } from './errors';
import { filterValues, getBoolOrDefault, matchKVList, validateFilters, type FilterArgs } from './filters';
import { IMAGES, type ImageSpec } from './images';
import { pathMatch } from './path_match';
import {
  familiarName,
  familiarString,
  parseAnyReference,
  parseNormalizedNamed,
  ReferenceError,
  tagNameOnly,
} from './reference';
import type { DockerState } from './state';
import { filterTimestamp, timeBefore, TimestampError, type UnixTime } from './timestamp';

const ACCEPTED = new Set(['dangling', 'label', 'before', 'since', 'reference', 'until']);

/** The images present, as the image store holds them. */
export function presentImages(st: DockerState): ImageSpec[] {
  return IMAGES.filter((i) => st.images.includes(`${i.repository}:${i.tag}`));
}

/** Config.Created: the catalogue's age before the World's epoch, whole seconds. */
export function imageCreated(st: DockerState, i: ImageSpec): UnixTime {
  return { sec: BigInt(Math.floor(st.epochMs / 1000) - i.createdDaysAgo * 86400), nsec: 0n };
}

/**
 * ImageService.GetImage: a reference in the store (a bare name meaning :latest), else an id or id prefix
 * (digestset Lookup, with or without "sha256:"; an ambiguous prefix names none). Unknown: "No such image:"
 * and the familiar reference, tagged; unparsable: the reference package's error.
 */
export function getImage(st: DockerState, refOrId: string): ImageSpec {
  let ref;
  try {
    ref = parseAnyReference(refOrId);
  } catch (e) {
    if (e instanceof ReferenceError) throw invalid(e.message);
    throw e;
  }
  const present = presentImages(st);
  const missing = () => notFound(`No such image: ${familiarString(tagNameOnly(ref))}`);
  if (ref.path === '') {
    const hex = ref.digest.slice('sha256:'.length);
    const img = present.find((i) => i.id === hex);
    if (!img) throw missing();
    return img;
  }
  if (ref.digest === '') {
    const tagged = familiarString(tagNameOnly(ref));
    const img = present.find((i) => `${i.repository}:${i.tag}` === tagged);
    if (img) return img;
  }
  const term = refOrId.startsWith('sha256:') ? refOrId.slice('sha256:'.length) : refOrId;
  const hits = term === '' ? [] : present.filter((i) => i.id.startsWith(term));
  if (hits.length !== 1) throw missing();
  return hits[0] as ImageSpec;
}

/** reference.FamiliarMatch: the glob against "name:tag", then against the name; a bad pattern is an error. */
function familiarMatch(pattern: string, i: ImageSpec): boolean {
  const ref = parseNormalizedNamed(`${i.repository}:${i.tag}`);
  let err: string | null = null;
  let matched = false;
  try {
    matched = pathMatch(pattern, familiarString(ref));
  } catch (e) {
    err = (e as Error).message;
  }
  if (!matched) {
    try {
      matched = pathMatch(pattern, familiarName(ref));
    } catch {
      // FamiliarMatch keeps the first error only.
    }
  }
  if (err !== null) throw new DockerError('system', err);
  return matched;
}

function timeFilter(value: string, now: UnixTime): UnixTime {
  try {
    return filterTimestamp(value, now);
  } catch (e) {
    if (e instanceof TimestampError) throw new DockerError('system', e.message);
    throw e;
  }
}

/** Images: throws DockerError with the daemon's text for a bad filter. `nowUs`: the World's clock. */
export function listImages(st: DockerState, filters: FilterArgs, nowUs: number): ImageSpec[] {
  validateFilters(filters, ACCEPTED);
  const danglingOnly = getBoolOrDefault(filters, 'dangling', false);
  let before: UnixTime | null = null;
  for (const v of filterValues(filters, 'before')) {
    const t = imageCreated(st, getImage(st, v));
    if (before === null || timeBefore(t, before)) before = t;
  }
  const totalUs = BigInt(st.epochMs) * 1000n + BigInt(nowUs);
  const now = { sec: totalUs / 1_000_000n, nsec: (totalUs % 1_000_000n) * 1000n };
  for (const v of filterValues(filters, 'until')) {
    const t = timeFilter(v, now);
    if (before === null || timeBefore(t, before)) before = t;
  }
  let since: UnixTime | null = null;
  for (const v of filterValues(filters, 'since')) {
    const t = imageCreated(st, getImage(st, v));
    if (since === null || timeBefore(since, t)) since = t;
  }
  const out: ImageSpec[] = [];
  for (const i of presentImages(st)) {
    const created = imageCreated(st, i);
    if (before !== null && !timeBefore(created, before)) continue;
    if (since !== null && !timeBefore(since, created)) continue;
    if (filters.has('label') && !matchKVList(filters, 'label', i.labels ?? {})) continue;
    // Its one tag, kept by the reference filter or not; an image left without a tag is not listed.
    if (filters.has('reference') && !filterValues(filters, 'reference').some((p) => familiarMatch(p, i)))
      continue;
    if (danglingOnly) continue;
    out.push(i);
  }
  return out.sort((a, b) => a.createdDaysAgo - b.createdDaysAgo);
}
