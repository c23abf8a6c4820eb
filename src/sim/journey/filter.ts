/**
 * The player's filters: by protocol (ARP, ICMP, TCP, UDP, DNS) and by namespace (a container's: the steps that
 * happen in it and the frames that arrive at it).
 */
import type { NsId } from '../../kernel';
import type { Journey, JourneyFilter, JourneyStep } from './types';

export function filterSteps(j: Journey, f: JourneyFilter): JourneyStep[] {
  const protos = f.protos && f.protos.length > 0 ? new Set(f.protos) : null;
  const ns = f.ns ?? null;
  return j.steps.filter(
    (s) =>
      (!protos || (s.proto !== null && protos.has(s.proto))) &&
      (ns === null || s.ns === ns || s.move?.toNs === ns),
  );
}

/** The namespaces a journey visits, in order of first visit, with their titles (the container filter). */
export function journeyPlaces(j: Journey): { ns: NsId; where: string }[] {
  const seen = new Map<NsId, string>();
  for (const s of j.steps) if (!seen.has(s.ns)) seen.set(s.ns, s.where);
  return [...seen].map(([ns, where]) => ({ ns, where }));
}
