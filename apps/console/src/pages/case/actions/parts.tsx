import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, Space, theme, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadDocument } from '../../../api/documents';
import { formatSize } from '../../../ui/labels';
import { Refusal } from '../../../ui/problems';
import type { Draft } from './useDraft';

/** Secondary text dark enough to read (WCAG AA): antd's own "secondary" grey is too light on white. */
export function Hint({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <Typography.Paragraph style={{ color: token.colorTextSecondary }}>{children}</Typography.Paragraph>;
}

/** A refusal above a step's form, brought into view when it comes (the form may be long, its button far below). */
export function StepRefusal({ error, onReload }: { error: unknown; onReload: () => void }) {
  const place = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) place.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  return (
    <div ref={place}>
      <Refusal error={error} onReload={onReload} />
    </div>
  );
}

/** Said when a form was filled from a draft kept in this browser, with a way to start again. */
export function DraftNotice({ draft }: { draft: Draft }) {
  if (!draft.restored) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="已恢复上次未提交的内容（草稿保存在本浏览器）"
      action={
        <Button size="small" onClick={draft.discard}>
          清空草稿
        </Button>
      }
    />
  );
}

/** The end of a step's form: send it (its name says what it does) or leave it, the draft kept. */
export function StepButtons({ submit, pending, onCancel, danger }: { submit: string; pending: boolean; onCancel: () => void; danger?: boolean }) {
  return (
    <Space wrap style={{ marginTop: 8 }}>
      <Button type="primary" htmlType="submit" loading={pending} danger={danger}>
        {submit}
      </Button>
      <Button onClick={onCancel}>取消</Button>
    </Space>
  );
}

/** A recorded document, as an event keeps it. */
export interface RecordedDocument {
  readonly documentId: string;
  readonly name: string;
  readonly size: number;
}

/** The documents a recorded step rested on, each downloadable. */
export function RecordedDocuments({ documents }: { documents: readonly RecordedDocument[] }) {
  if (documents.length === 0) return <Hint>（未附文件）</Hint>;
  return (
    <ul style={{ paddingInlineStart: 20 }}>
      {documents.map((document) => (
        <li key={document.documentId}>
          <Button
            color="primary"
            variant="link"
            icon={<DownloadOutlined />}
            onClick={() => void downloadDocument({ id: document.documentId, fileName: document.name })}
            aria-label={`下载 ${document.name}`}
            style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          >
            {document.name}
          </Button>{' '}
          （{formatSize(document.size)}）
        </li>
      ))}
    </ul>
  );
}

/** What a report's event recorded: its summary and its documents (absent in events of earlier releases). */
export function reportOf(payload: Readonly<Record<string, unknown>>): { summary: string; documents: RecordedDocument[] } {
  const summary = typeof payload.summary === 'string' ? payload.summary : '';
  const documents = Array.isArray(payload.documents) ? (payload.documents as RecordedDocument[]) : [];
  return { summary, documents };
}
