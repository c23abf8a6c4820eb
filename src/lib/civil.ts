/**
 * Calendar arithmetic without a clock (Howard Hinnant's days-from-civil inverse): the layers print wall
 * times computed from the World's epoch and simulated microseconds, never from Date.
 */

/** The proleptic Gregorian date of a day number (days since 1970-01-01). */
export function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** civilFromDays' inverse: the day number (days since 1970-01-01) of a proleptic Gregorian date. */
export function daysFromCivil(y0: number, m0: number, d: number): number {
  // A month outside 1..12 rolls into the years around (mktime's normalisation; `date -d '14 months'`),
  // and a day past the month's end into the next month, both by the arithmetic itself.
  const y1 = y0 + Math.floor((m0 - 1) / 12);
  const m = ((((m0 - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? y1 - 1 : y1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const WDAY = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** An HTTP date (RFC 9110 IMF-fixdate, what nginx's ngx_http_time and BusyBox httpd print): whole seconds. */
export function httpDate(unixS: number): string {
  const s = Math.floor(unixS);
  const days = Math.floor(s / 86400);
  const sod = s - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const wd = WDAY[((days % 7) + 7) % 7] as string;
  return `${wd}, ${p2(d)} ${MON[m - 1] as string} ${y} ${p2(Math.floor(sod / 3600))}:${p2(Math.floor((sod % 3600) / 60))}:${p2(sod % 60)} GMT`;
}

/** The Common Log Format time nginx's $time_local prints (the container's zone is UTC): 28/Nov/2026:00:00:05 +0000. */
export function clfDate(unixS: number): string {
  const s = Math.floor(unixS);
  const days = Math.floor(s / 86400);
  const sod = s - days * 86400;
  const { y, m, d } = civilFromDays(days);
  return `${p2(d)}/${MON[m - 1] as string}/${y}:${p2(Math.floor(sod / 3600))}:${p2(Math.floor((sod % 3600) / 60))}:${p2(sod % 60)} +0000`;
}
