import { Alert, Button, type FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** 400 field errors go on their fields; anything else is shown above the form. Answers what is left for the alert. */
export function showOnFields(form: FormInstance, error: unknown, fieldNames: Readonly<Record<string, (string | number)[]>> = {}): unknown {
  if (!(error instanceof ApiError) || error.status !== 400 || error.fields.length === 0) return error;
  const placed = error.fields.flatMap(({ field, messages }) => {
    const name =
      fieldNames[field] ??
      field
        .split(/[.[\]]/)
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return name.length ? [{ name, errors: messages.map(chineseOf) }] : [];
  });
  form.setFields(placed);
  return placed.length === error.fields.length ? null : error;
}

/** The Chinese half of a bilingual message (the console is in Chinese; the English stays in the api's answer). */
export function chineseOf(message: string): string {
  return message.split(' / ')[0] ?? message;
}

/** A refusal above a form, in Chinese; a step refused because the case moved meanwhile offers to reload. */
export function Refusal({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const moved = api?.status === 409 && onReload !== undefined;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={api ? api.messageZh : '操作失败，请检查网络后重试'}
      description={
        api?.fields.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {api.fields.map(({ field, messages }) => (
              <li key={field}>
                {field}：{messages.map(chineseOf).join('；')}
              </li>
            ))}
          </ul>
        ) : moved ? (
          '案件状态可能已被他人更新。'
        ) : undefined
      }
      action={
        moved ? (
          <Button size="small" onClick={onReload}>
            刷新案件
          </Button>
        ) : undefined
      }
    />
  );
}
