/**
 * 单位工作群机器人 / A unit's own group-chat robot (a DingTalk custom robot with 加签): the webhook URL and the
 * signing secret the robot shows once (`SEC…`). Pure rules shared by the api (validation) and the docs.
 */

export const GROUP_CHAT_URL_MAX_LENGTH = 1000;
export const GROUP_CHAT_SECRET_MAX_LENGTH = 200;
/** Shortest secret accepted: `SEC` and something after it (DingTalk's are `SEC` + 64 hex digits). */
export const GROUP_CHAT_SECRET_MIN_LENGTH = 8;

export interface GroupChatProblem {
  readonly field: 'webhookUrl' | 'secret';
  readonly zh: string;
  readonly en: string;
}

/**
 * Why a webhook URL and secret cannot be saved (empty when they can). `httpsOnly` in production: the URL carries
 * the robot's access token, and the posts carry case names; the port must then be 443 and the host exactly one of
 * the allowed. Outside production http is allowed (a test's loopback receiver).
 */
export function groupChatProblems(
  input: { webhookUrl: string; secret: string },
  options: { httpsOnly: boolean; allowedHosts: readonly string[] | '*' },
): GroupChatProblem[] {
  const problems: GroupChatProblem[] = [];
  const url = input.webhookUrl.trim();
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (url.length > GROUP_CHAT_URL_MAX_LENGTH) {
    problems.push({
      field: 'webhookUrl',
      zh: `群机器人地址至多 ${GROUP_CHAT_URL_MAX_LENGTH} 个字符`,
      en: `the webhook URL may have at most ${GROUP_CHAT_URL_MAX_LENGTH} characters`,
    });
  } else if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.hostname === '') {
    problems.push({
      field: 'webhookUrl',
      zh: '群机器人地址须为 https 网址，如 https://oapi.dingtalk.com/robot/send?access_token=…',
      en: 'the webhook URL must be an https URL, e.g. https://oapi.dingtalk.com/robot/send?access_token=…',
    });
  } else if (options.httpsOnly && parsed.protocol !== 'https:') {
    problems.push({ field: 'webhookUrl', zh: '生产环境中群机器人地址须使用 https', en: 'in production the webhook URL must use https' });
  } else if (options.httpsOnly && parsed.port !== '') {
    problems.push({
      field: 'webhookUrl',
      zh: '生产环境中群机器人地址须使用 443 端口（地址中不写端口）',
      en: 'in production the webhook URL must use port 443 (no port in the URL)',
    });
  } else if (parsed.username !== '' || parsed.password !== '' || parsed.hash !== '') {
    problems.push({
      field: 'webhookUrl',
      zh: '群机器人地址不能含用户名、口令或 # 片段',
      en: 'the webhook URL must not carry a user name, password or #fragment',
    });
  } else if (!hostAllowed(parsed, options.allowedHosts, options.httpsOnly)) {
    const allowed = options.allowedHosts === '*' ? '*' : options.allowedHosts.join(', ');
    problems.push({ field: 'webhookUrl', zh: `群机器人地址的主机须为 ${allowed} 之一`, en: `the webhook host must be one of: ${allowed}` });
  }
  const secret = input.secret;
  // Never quote the secret back: the messages name the rule only.
  if (!secret.startsWith('SEC')) {
    problems.push({
      field: 'secret',
      zh: '加签密钥须以 SEC 开头（钉钉机器人安全设置中的“加签”）',
      en: 'the signing secret must start with SEC (the robot’s 加签 secret)',
    });
  } else if (secret.length < GROUP_CHAT_SECRET_MIN_LENGTH || secret.length > GROUP_CHAT_SECRET_MAX_LENGTH || /\s/.test(secret)) {
    problems.push({
      field: 'secret',
      zh: `加签密钥须为 ${GROUP_CHAT_SECRET_MIN_LENGTH}–${GROUP_CHAT_SECRET_MAX_LENGTH} 个字符，不含空白`,
      en: `the signing secret must have ${GROUP_CHAT_SECRET_MIN_LENGTH}–${GROUP_CHAT_SECRET_MAX_LENGTH} characters and no whitespace`,
    });
  }
  return problems;
}

/**
 * Whether a webhook's host (name, or name:port) is among the allowed ones ('*': any). `production`: only https on
 * port 443 to a host named exactly as listed.
 */
export function hostAllowed(url: URL | string, allowedHosts: readonly string[] | '*', production = false): boolean {
  const parsed = typeof url === 'string' ? (URL.canParse(url) ? new URL(url) : null) : url;
  if (parsed === null) return false;
  if (production) {
    return (
      allowedHosts !== '*' &&
      parsed.protocol === 'https:' &&
      parsed.port === '' &&
      (allowedHosts.includes(parsed.hostname) || allowedHosts.includes(`${parsed.hostname}:443`))
    );
  }
  return allowedHosts === '*' || allowedHosts.includes(parsed.hostname) || allowedHosts.includes(parsed.host);
}

/** What may be shown of a webhook URL: its host (and port), never the path or the access token in the query. */
export function webhookHost(url: string): string {
  return new URL(url).host;
}
