import { YONGKANG_2019_CAMPAIGN, YONGKANG_2019_UNITS } from './yongkang-2019.js';

const CHUNK = 10;

async function call<T>(method: 'GET' | 'POST', url: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * `npm run seed:yongkang-2019`: the 2019 Yongkang campaign and its 71 units, enrolled through the running api
 * (start it with `npm start`) with an administrator's api token, so the events name that token. Idempotent: the campaign is found by year and name, units by name and category,
 * and units already enrolled are left as they are.
 */
export async function seedYongkang2019(api: string, token: string, log: (line: string) => void): Promise<{ enrolled: number; alreadyEnrolled: number }> {
  const base = `${api.replace(/\/$/, '')}/api`;
  const existing = (await call<{ id: string; name: string }[]>('GET', `${base}/campaigns?year=${YONGKANG_2019_CAMPAIGN.year}`, token)).find(
    (campaign) => campaign.name === YONGKANG_2019_CAMPAIGN.name,
  );
  const campaign = existing ?? (await call<{ id: string }>('POST', `${base}/campaigns`, token, YONGKANG_2019_CAMPAIGN));
  log(`${existing ? '已有' : '已创建'}活动 / campaign ${existing ? 'found' : 'created'}: ${YONGKANG_2019_CAMPAIGN.name} (${campaign.id})`);
  let enrolled = 0;
  let alreadyEnrolled = 0;
  for (let index = 0; index < YONGKANG_2019_UNITS.length; index += CHUNK) {
    const units = YONGKANG_2019_UNITS.slice(index, index + CHUNK);
    const result = await call<{ enrolled: number; alreadyEnrolled: number }>('POST', `${base}/campaigns/${campaign.id}/enrollments/batch`, token, { units });
    enrolled += result.enrolled;
    alreadyEnrolled += result.alreadyEnrolled;
    log(
      `  ${Math.min(index + CHUNK, YONGKANG_2019_UNITS.length)}/${YONGKANG_2019_UNITS.length} 单位 / units (new ${enrolled}, already enrolled ${alreadyEnrolled})`,
    );
  }
  log(`完成 / done: ${enrolled} newly enrolled, ${alreadyEnrolled} already enrolled`);
  return { enrolled, alreadyEnrolled };
}
