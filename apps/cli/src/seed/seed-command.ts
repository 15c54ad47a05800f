import { ApiClient, type Bearer } from './api-client.js';
import { YONGKANG_2019_CAMPAIGN, YONGKANG_2019_UNITS, type SeedUnit } from './yongkang-2019.js';

const CHUNK = 10;

export interface SeededCampaign {
  readonly campaignId: string;
  readonly enrolled: number;
  readonly alreadyEnrolled: number;
}

/**
 * The 2019 Yongkang campaign (with `settings` added to its own, e.g. the demo's stage durations) and its 71 units (or
 * the first of them), enrolled through the running api as `token`'s holder. Idempotent: the campaign is found by year and name, units by
 * name and category, and units already enrolled are left as they are.
 */
export async function seedYongkang2019Campaign(
  client: ApiClient,
  token: Bearer,
  log: (line: string) => void,
  settings: Readonly<Record<string, unknown>> = {},
  units: readonly SeedUnit[] = YONGKANG_2019_UNITS,
): Promise<SeededCampaign> {
  const existing = (await client.get<{ id: string; name: string }[]>(`/campaigns?year=${YONGKANG_2019_CAMPAIGN.year}`, token)).find(
    (campaign) => campaign.name === YONGKANG_2019_CAMPAIGN.name,
  );
  const campaign = existing ?? (await client.post<{ id: string }>('/campaigns', { ...YONGKANG_2019_CAMPAIGN, ...settings }, token));
  log(`${existing ? '已有' : '已创建'}活动 / campaign ${existing ? 'found' : 'created'}: ${YONGKANG_2019_CAMPAIGN.name} (${campaign.id})`);
  let enrolled = 0;
  let alreadyEnrolled = 0;
  for (let index = 0; index < units.length; index += CHUNK) {
    const chunk = units.slice(index, index + CHUNK);
    const result = await client.post<{ enrolled: number; alreadyEnrolled: number }>(`/campaigns/${campaign.id}/enrollments/batch`, { units: chunk }, token);
    enrolled += result.enrolled;
    alreadyEnrolled += result.alreadyEnrolled;
    log(`  ${Math.min(index + CHUNK, units.length)}/${units.length} 单位 / units (new ${enrolled}, already enrolled ${alreadyEnrolled})`);
  }
  log(`完成 / done: ${enrolled} newly enrolled, ${alreadyEnrolled} already enrolled`);
  return { campaignId: campaign.id, enrolled, alreadyEnrolled };
}

/**
 * `npm run seed:yongkang-2019`: the campaign and its units through the running api (start it with `npm start`), with
 * an administrator's token, so the events name its holder.
 */
export async function seedYongkang2019(api: string, token: Bearer, log: (line: string) => void): Promise<{ enrolled: number; alreadyEnrolled: number }> {
  const { enrolled, alreadyEnrolled } = await seedYongkang2019Campaign(new ApiClient(api), token, log);
  return { enrolled, alreadyEnrolled };
}
