import type { CategoryCode, EnterpriseOwnership } from '#domain';

export interface SeedUnit {
  readonly name: string;
  readonly category: CategoryCode;
  readonly ownership?: EnterpriseOwnership;
}

export const YONGKANG_2019_CAMPAIGN = {
  year: 2019,
  name: '2019年永康市清廉细胞示范点创建',
  targets: { agency: 3, school: 8, hospital: 3, enterprise: 9, village: 48 },
} as const;

/** Units the article names; the rest of each category's count are generated placeholders. */
const NAMED: readonly SeedUnit[] = [
  { name: '永康市卫生健康局', category: 'agency' },
  { name: '永康市综合行政执法局', category: 'agency' },
  { name: '江南街道西津经济合作社', category: 'village' },
  { name: '石柱镇塘里村', category: 'village' },
  { name: '下寮村', category: 'village' },
  { name: '西城街道潜村', category: 'village' },
  { name: '古山镇胡库下村', category: 'village' },
  { name: '尚仁村', category: 'village' },
  { name: '大司巷小学', category: 'school' },
  { name: '永康中学', category: 'school' },
  { name: '道明光学股份有限公司', category: 'enterprise', ownership: 'private' },
  { name: '先行集团', category: 'enterprise', ownership: 'private' },
  { name: '步阳', category: 'enterprise', ownership: 'private' },
  { name: '挺能胜', category: 'enterprise', ownership: 'private' },
  { name: '永康市第一人民医院', category: 'hospital' },
];

const PLACEHOLDER_LABEL: Record<CategoryCode, string> = {
  agency: '机关',
  village: '村居',
  school: '学校',
  hospital: '医院',
  enterprise: '企业',
  culture: '文化',
};

/** Starts the name of every generated unit. */
export const PLACEHOLDER_PREFIX = '【占位 placeholder】';

function placeholders(category: CategoryCode, count: number, ownership?: EnterpriseOwnership): SeedUnit[] {
  const existing = NAMED.filter((unit) => unit.category === category).length;
  const suffix = ownership === 'state_owned' ? '国企' : '';
  return Array.from({ length: count }, (_, index) => ({
    // Marked in the name itself so nobody mistakes a generated unit for a real one.
    name: `${PLACEHOLDER_PREFIX}永康市清廉${PLACEHOLDER_LABEL[category]}${suffix}培育对象${String(existing + index + 1).padStart(2, '0')}`,
    category,
    ...(ownership ? { ownership } : {}),
  }));
}

/** 3 agencies, 8 schools, 3 hospitals, 9 enterprises (8 private, 1 state-owned), 48 villages = 71 units. */
export const YONGKANG_2019_UNITS: readonly SeedUnit[] = [
  ...NAMED,
  ...placeholders('agency', 1),
  ...placeholders('village', 42),
  ...placeholders('school', 6),
  ...placeholders('hospital', 2),
  ...placeholders('enterprise', 4, 'private'),
  { name: `${PLACEHOLDER_PREFIX}永康市清廉企业国企培育对象01`, category: 'enterprise', ownership: 'state_owned' },
];
