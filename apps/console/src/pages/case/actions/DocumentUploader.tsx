import { useEffect, useRef } from 'react';
import { Button, Progress, Space, theme } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Rule } from 'antd/es/form';
import { ApiError } from '../../../api/client';
import { uploadDocument } from '../../../api/documents';
import { formatSize } from '../../../ui/labels';

/**
 * A file chosen for a step: uploading (percent), uploaded (documentId: what the step sends in `documentIds`), or
 * refused (error). A form keeps these as a field's value, so drafts keep the uploaded ones with their names.
 */
export interface UploadItem {
  readonly uid: string;
  readonly fileName: string;
  readonly size: number;
  readonly documentId?: string;
  readonly percent?: number;
  readonly error?: string;
}

/** Still uploading or refused: neither can be sent, and neither is kept in a draft. */
export function isUnfinishedUpload(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'uid' in value && !(value as UploadItem).documentId;
}

/** The ids a step sends for a field's files (uploaded ones only; the field's rules refuse the others). */
export function documentIdsOf(items: readonly UploadItem[] | undefined): string[] {
  return (items ?? []).flatMap((item) => (item.documentId ? [item.documentId] : []));
}

/** Uploaded documents as a field's value (a plan resubmitted with the files it had). */
export function uploadedItems(documents: readonly { documentId: string; name: string; size: number }[]): UploadItem[] {
  return documents.map((document) => ({ uid: document.documentId, documentId: document.documentId, fileName: document.name, size: document.size }));
}

/**
 * A files field's rules: nothing still uploading or refused, and at least one file when `required` says why. Checked
 * when the step is sent (not while a file uploads); a change after that clears what it said.
 */
export function uploadRules(required?: string): Rule[] {
  return [
    {
      validateTrigger: 'onSubmit',
      validator: (_rule, value: readonly UploadItem[] | undefined) => {
        const items = value ?? [];
        if (items.some((item) => !item.documentId && !item.error)) return Promise.reject(new Error('文件仍在上传，请稍候'));
        if (items.some((item) => item.error)) return Promise.reject(new Error('请移除上传失败的文件'));
        if (required && items.length === 0) return Promise.reject(new Error(required));
        return Promise.resolve();
      },
    },
  ];
}

/** What may be chosen, and what happens then (the api's accepted types and size, DOCUMENT_ACCEPTED_TYPES). */
export const UPLOAD_HINT = '选择后立即上传，提交前可移除（PDF、Word、Excel、OFD、图片、文本，每个不超过 20 MB）';

let uploads = 0;

interface DocumentUploaderProps {
  readonly caseId: string;
  /** What the files are (e.g. 佐证材料): names the group, the button and each file's remove button for screen readers. */
  readonly label: string;
  readonly value?: readonly UploadItem[];
  readonly onChange?: (items: UploadItem[]) => void;
  /** Set by Form.Item, so the field's label points at the button. */
  readonly id?: string;
  /** Without the line on what may be chosen (a form of many uploaders says it once). */
  readonly compact?: boolean;
}

/**
 * 上传文件: each chosen file is uploaded to the case at once, with its progress; it can be removed before the step is
 * sent (an upload under way is cancelled). A form control: Form.Item gives it the value and takes its changes.
 */
export function DocumentUploader({ caseId, label, value = [], onChange, id, compact = false }: DocumentUploaderProps) {
  const { token } = theme.useToken();
  const input = useRef<HTMLInputElement>(null);
  // Progress of several files arrives between renders: each change applies to the latest list, not the rendered one.
  const latest = useRef<readonly UploadItem[]>(value);
  const pending = useRef(new Map<string, AbortController>());
  useEffect(() => {
    latest.current = value;
  }, [value]);
  useEffect(() => {
    const inFlight = pending.current;
    return () => {
      for (const controller of inFlight.values()) controller.abort();
    };
  }, []);

  const publish = (items: UploadItem[]) => {
    latest.current = items;
    onChange?.(items);
  };
  const update = (uid: string, change: (item: UploadItem) => UploadItem) => {
    publish(latest.current.map((item) => (item.uid === uid ? change(item) : item)));
  };

  const start = (file: File) => {
    uploads += 1;
    const uid = `upload-${String(uploads)}`;
    const controller = new AbortController();
    pending.current.set(uid, controller);
    publish([...latest.current, { uid, fileName: file.name, size: file.size, percent: 0 }]);
    uploadDocument(caseId, file, (percent) => update(uid, (item) => ({ ...item, percent })), controller.signal)
      .then((document) => update(uid, (item) => ({ ...item, documentId: document.id, fileName: document.fileName, size: document.size, percent: 100 })))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) update(uid, (item) => ({ ...item, error: error instanceof ApiError ? error.messageZh : '上传失败，请检查网络后重试' }));
      })
      .finally(() => pending.current.delete(uid));
  };

  const remove = (uid: string) => {
    pending.current.get(uid)?.abort();
    pending.current.delete(uid);
    publish(latest.current.filter((item) => item.uid !== uid));
  };

  return (
    <div role="group" aria-label={label}>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          for (const file of Array.from(event.target.files ?? [])) start(file);
          event.target.value = '';
        }}
      />
      <Space wrap>
        <Button id={id} icon={<UploadOutlined />} onClick={() => input.current?.click()} aria-label={`选择文件：${label}`}>
          选择文件
        </Button>
        {!compact && <span style={{ color: token.colorTextSecondary }}>{UPLOAD_HINT}</span>}
      </Space>
      {value.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }} aria-label={`${label}：已选文件`}>
          {value.map((item) => (
            <li key={item.uid} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                <span style={{ wordBreak: 'break-all' }}>
                  <PaperClipOutlined aria-hidden /> {item.fileName}
                  <span style={{ color: token.colorTextSecondary }}>
                    {' '}
                    · {formatSize(item.size)}
                    {item.documentId ? ' · 已上传' : ''}
                  </span>
                </span>
                <Button color="primary" variant="link" size="small" onClick={() => remove(item.uid)} aria-label={`移除 ${item.fileName}`}>
                  移除
                </Button>
              </Space>
              {!item.documentId && !item.error && <Progress percent={item.percent ?? 0} size="small" aria-label={`${item.fileName} 上传进度`} />}
              {item.error && (
                <div role="alert" style={{ color: token.colorErrorTextActive }}>
                  上传失败：{item.error}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
